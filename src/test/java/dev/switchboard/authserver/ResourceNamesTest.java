package dev.switchboard.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceNamesTest {
  private final ResourceNames names = new ResourceNames("https://switchboard.example.com", 8080);
  private final ResourceNames local = new ResourceNames("http://localhost:8080", 8080);

  @Test
  void aResourceNamesABundleOrTheHubOnTheBaseUrlsOrigin() {
    assertThat(names.path("https://switchboard.example.com/mcp/bundle/maths")).contains("/mcp/bundle/maths");
    assertThat(names.path("https://SWITCHBOARD.example.com:443/mcp/hub/")).contains("/mcp/hub");
    assertThat(local.path("http://127.0.0.1:8080/mcp/bundle/maths")).contains("/mcp/bundle/maths");
    assertThat(local.path("http://localhost:8080/mcp/hub")).contains("/mcp/hub");
    assertThat(local.path("http://[::1]:8080/mcp/hub/")).contains("/mcp/hub");
  }

  @Test
  void anotherPortOrSchemeIsAnotherServer() {
    assertThat(names.path("http://switchboard.example.com/mcp/hub")).isEmpty();
    assertThat(names.path("https://switchboard.example.com:8443/mcp/hub")).isEmpty();
    assertThat(names.path("http://localhost:5555/mcp/hub")).isEmpty();
    assertThat(names.path("http://localhost:8080/mcp/hub")).as("the base URL is https").isEmpty();
    assertThat(local.path("http://127.0.0.1:5555/mcp/hub")).isEmpty();
    assertThat(local.path("https://localhost:8080/mcp/hub")).isEmpty();
  }

  @Test
  void anythingElseIsNoResourceOfThisServer() {
    assertThat(names.path("https://evil.example/mcp/hub")).isEmpty();
    assertThat(names.path("https://user@switchboard.example.com/mcp/hub")).isEmpty();
    assertThat(names.path("https://switchboard.example.com/")).isEmpty();
    assertThat(names.path("https://switchboard.example.com/api/v1/bundles")).isEmpty();
    assertThat(names.path("https://switchboard.example.com/mcp/bundle/a/b")).isEmpty();
    assertThat(names.path("https://switchboard.example.com/mcp/hub#x")).isEmpty();
    assertThat(names.path("ftp://switchboard.example.com/mcp/hub")).isEmpty();
    assertThat(names.path(null)).isEmpty();
  }

  @Test
  void theOriginIsTheLoopbackAliasUsedOnlyWhenTheBaseUrlIsLoopbackToo() {
    assertThat(names.origin("127.0.0.1:8080")).as("behind a reverse proxy").isEqualTo("https://switchboard.example.com");
    assertThat(names.origin("switchboard.example.com")).isEqualTo("https://switchboard.example.com");
    assertThat(local.origin("127.0.0.1:8080")).isEqualTo("http://127.0.0.1:8080");
    assertThat(local.origin("[::1]:8080")).isEqualTo("http://[::1]:8080");
    assertThat(local.origin("127.0.0.1:9999")).isEqualTo("http://localhost:8080");
    assertThat(local.origin("evil.example")).isEqualTo("http://localhost:8080");
    assertThat(local.origin(null)).isEqualTo("http://localhost:8080");
  }

  @Test
  void theLegacySsePathsBelongToTheirEndpoint() {
    assertThat(ResourceNames.endpointOf("/mcp/bundle/maths/sse")).contains("/mcp/bundle/maths");
    assertThat(ResourceNames.endpointOf("/mcp/hub/messages")).contains("/mcp/hub");
    assertThat(ResourceNames.endpointOf("/mcp/bundle/maths")).contains("/mcp/bundle/maths");
    assertThat(ResourceNames.endpointOf("/oauth/token")).isEmpty();
  }
}
