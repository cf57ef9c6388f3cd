package dev.switchboard.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.McpCall;
import dev.switchboard.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A real remote MCP server (server-everything) registered by an administrator as an MCP provider:
 * a user verifies a credential with one of its tools, its tools appear prefixed through
 * Switchboard, and {@code echo} round-trips through a bundle; in SSE mode it is reached through the
 * fallback.
 */
class RemoteMcpProviderIT {
  @TempDir
  static Path dir;
  static EverythingServer streamable;
  static EverythingServer sse;
  static TestServer server;
  static Api admin;

  @BeforeAll
  static void start() {
    EverythingServer.requireInstalled();
    streamable = EverythingServer.start("streamableHttp");
    sse = EverythingServer.start("sse");
    server = TestServer.sqlite(dir);
    admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (streamable != null) {
      streamable.close();
    }
    if (sse != null) {
      sse.close();
    }
  }

  void roundTrip(String slug, String url) {
    EverythingServer.register(admin, slug, "Everything", url);
    String token = Cli.userWithToken(server.env(), slug + "@example.com");
    Api user = new Api(server, token);
    Api.Answer credential = user.post("/api/v1/credentials?verify=true",
        Map.of("provider", slug, "authMethod", "NONE", "label", "Everything"));
    assertThat(credential.json().path("verification").asString()).as(credential.body()).isEqualTo("VERIFIED");
    JsonNode tools = user.get("/api/v1/tools?provider=" + slug).json().path("items");
    assertThat(tools.toString()).contains(slug + "_echo");
    Api.Answer bundle = user.post("/api/v1/bundles", Map.of("slug", slug + "-bundle", "name", "Everything",
        "tools", List.of(slug + "_echo")));
    assertThat(bundle.status()).as(bundle.body()).isEqualTo(201);
    McpCall mcp = new McpCall(server, token, "/mcp/bundle/" + slug + "-bundle");
    assertThat(mcp.toolNames()).containsExactly(slug + "_echo");
    JsonNode echoed = mcp.call(slug + "_echo", Map.of("message", "hello through Switchboard"));
    assertThat(echoed.path("isError").asBoolean()).as(echoed.toString()).isFalse();
    assertThat(echoed.path("content").get(0).path("text").asString()).contains("Echo: hello through Switchboard");
  }

  @Test
  void aStreamableHttpServerIsReachedAndEchoRoundTrips() {
    roundTrip("everything", streamable.url("/mcp"));
  }

  @Test
  void aLegacySseServerIsReachedThroughTheFallback() {
    roundTrip("everything-sse", sse.url("/sse"));
  }
}
