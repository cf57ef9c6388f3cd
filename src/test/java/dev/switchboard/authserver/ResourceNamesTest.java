package dev.switchboard.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceNamesTest {
  private final ResourceNames names = ResourceNames.forBaseUrl("https://switchboard.example.com");

  @Test
  void aResourceNamesABundleOrTheHubOnAnyNameOfThisServer() {
    assertThat(names.path("https://switchboard.example.com/mcp/bundle/maths")).contains("/mcp/bundle/maths");
    assertThat(names.path("http://127.0.0.1:8080/mcp/bundle/maths")).contains("/mcp/bundle/maths");
    assertThat(names.path("http://localhost:8080/mcp/hub")).contains("/mcp/hub");
    assertThat(names.path("http://[::1]:8080/mcp/hub/")).contains("/mcp/hub");
  }

  @Test
  void anythingElseIsNoResourceOfThisServer() {
    assertThat(names.path("https://evil.example/mcp/hub")).isEmpty();
    assertThat(names.path("https://switchboard.example.com/")).isEmpty();
    assertThat(names.path("https://switchboard.example.com/api/v1/bundles")).isEmpty();
    assertThat(names.path("https://switchboard.example.com/mcp/bundle/a/b")).isEmpty();
    assertThat(names.path("https://switchboard.example.com/mcp/hub#x")).isEmpty();
    assertThat(names.path("ftp://switchboard.example.com/mcp/hub")).isEmpty();
    assertThat(names.path(null)).isEmpty();
  }

  @Test
  void theLegacySsePathsBelongToTheirEndpoint() {
    assertThat(ResourceNames.endpointOf("/mcp/bundle/maths/sse")).contains("/mcp/bundle/maths");
    assertThat(ResourceNames.endpointOf("/mcp/hub/messages")).contains("/mcp/hub");
    assertThat(ResourceNames.endpointOf("/mcp/bundle/maths")).contains("/mcp/bundle/maths");
    assertThat(ResourceNames.endpointOf("/oauth/token")).isEmpty();
  }
}
