package dev.switchboard.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.McpCall;
import dev.switchboard.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * No path parameter value can change the path an operation reaches: an empty value, {@code .} and
 * {@code ..} are refused before any request is sent; slashes, query and fragment marks, percent
 * signs and other all-dot values arrive percent-encoded, exactly as the upstream reads the
 * raw request line (the JDK server records it unnormalized), through the real Jetty client.
 */
class PathParameterEncodingIT {
  @TempDir
  static Path dir;
  static LocalHttpServer upstream;
  static TestServer server;
  static McpCall mcp;

  @BeforeAll
  static void start() {
    upstream = LocalHttpServer.start()
        .on("/", LocalHttpServer.answer(200, "{\"id\":1}", "Content-Type", "application/json"));
    server = TestServer.start(dir, Map.of("SWITCHBOARD_PROVIDER_GITHUB_BASE_URL", upstream.url("/api")));
    Api api = new Api(server, Cli.userWithToken(server.env(), "paths@example.com"));
    Api.Answer created = api.post("/api/v1/credentials?verify=true", Map.of("provider", "github",
        "authMethod", "BEARER", "fields", Map.of("token", "ghp_paths_0000000000")));
    assertThat(created.json().path("verification").asString()).as(created.body()).isEqualTo("VERIFIED");
    api.post("/api/v1/bundles", Map.of("slug", "paths", "name", "Paths", "tools", List.of("github_get_repository")));
    mcp = new McpCall(server, Cli.token(server.env(), "paths@example.com"), "/mcp/bundle/paths");
  }

  @AfterAll
  static void stop() {
    server.close();
    upstream.close();
  }

  @ParameterizedTest(name = "owner {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "...     | /api/repos/%2E%2E%2E/r",
      "..a     | /api/repos/..a/r",
      "a/b     | /api/repos/a%2Fb/r",
      "../../x | /api/repos/..%2F..%2Fx/r",
      "?x      | /api/repos/%3Fx/r",
      "'#'     | /api/repos/%23/r",
      "%2F     | /api/repos/%252F/r",
      "a;b=c   | /api/repos/a%3Bb%3Dc/r",
      "'a b'   | /api/repos/a%20b/r",
      "é       | /api/repos/%C3%A9/r",
      "v1.2-x_y~z | /api/repos/v1.2-x_y~z/r",
  })
  void aPathParameterValueArrivesPercentEncodedAndCannotChangeThePath(String owner, String rawPath) {
    int before = upstream.requests().size();

    JsonNode result = mcp.call("github_get_repository", Map.of("owner", owner, "repo", "r"));

    assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
    List<LocalHttpServer.Recorded> requests = upstream.requests();
    assertThat(requests).hasSize(before + 1);
    assertThat(requests.get(requests.size() - 1).pathAndQuery()).isEqualTo(rawPath);
  }

  @ParameterizedTest(name = "owner ''{0}''")
  @ValueSource(strings = {"", ".", ".."})
  void anEmptyOrDotSegmentOwnerIsAnInvalidArgumentsResultAndNoRequestIsSent(String owner) {
    int before = upstream.requests().size();

    JsonNode result = mcp.call("github_get_repository", Map.of("owner", owner, "repo", "r"));

    assertThat(result.path("isError").asBoolean()).as(result.toString()).isTrue();
    assertThat(result.path("content").get(0).path("text").asString())
        .contains("owner must not be empty, \".\" or \"..\"");
    assertThat(upstream.requests()).as("nothing reached the upstream").hasSize(before);
  }

  @ParameterizedTest(name = "repo ''{0}''")
  @ValueSource(strings = {"", ".", ".."})
  void aDotSegmentOrEmptyValueAtTheEndOfThePathIsRefusedToo(String repo) {
    int before = upstream.requests().size();

    JsonNode result = mcp.call("github_get_repository", Map.of("owner", "o", "repo", repo));

    assertThat(result.path("isError").asBoolean()).as(result.toString()).isTrue();
    assertThat(upstream.requests()).hasSize(before);
  }
}
