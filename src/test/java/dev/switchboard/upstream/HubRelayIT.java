package dev.switchboard.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.TestServer;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The hub offers the resources, prompts, completions and logging of the MCP providers of the bundles
 * it serves (here server-everything), named as on a bundle, and declares them in {@code initialize}
 * only for a user who has such a provider in an enabled bundle.
 */
class HubRelayIT {
  @TempDir
  static Path dir;
  static EverythingServer everything;
  static TestServer server;

  @BeforeAll
  static void start() {
    EverythingServer.requireInstalled();
    everything = EverythingServer.start("streamableHttp");
    server = TestServer.sqlite(dir);
    Api admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
    EverythingServer.register(admin, "every", "Everything", everything.url("/mcp"));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (everything != null) {
      everything.close();
    }
  }

  @Test
  void theHubRelaysTheFeaturesOfItsBundlesMcpProviders() {
    String token = Cli.userWithToken(server.env(), "hub@example.com");
    Api user = new Api(server, token);
    Api.Answer credential = user.post("/api/v1/credentials?verify=true",
        Map.of("provider", "every", "authMethod", "NONE", "label", "Everything"));
    assertThat(credential.json().path("verification").asString()).as(credential.body()).isEqualTo("VERIFIED");
    assertThat(user.post("/api/v1/bundles", Map.of("slug", "every-hub", "name", "Every",
        "tools", List.of("every_echo"))).status()).isEqualTo(201);
    assertThat(user.post("/api/v1/bundles/every-hub/enable", Map.of()).status()).isLessThan(300);

    JsonNode init = rpc(token, null, "initialize", Map.of("protocolVersion", "2025-11-25", "capabilities", Map.of(),
        "clientInfo", Map.of("name", "t", "version", "1")));
    JsonNode resources = rpc(token, null, "resources/list", Map.of());
    String uri = resources.path("result").path("resources").get(0).path("uri").asString();
    JsonNode read = rpc(token, null, "resources/read", Map.of("uri", uri));
    JsonNode prompts = rpc(token, null, "prompts/list", Map.of());
    JsonNode prompt = rpc(token, null, "prompts/get", Map.of("name", "every_simple-prompt"));
    JsonNode level = rpc(token, null, "logging/setLevel", Map.of("level", "error"));
    JsonNode templates = rpc(token, null, "resources/templates/list", Map.of());

    JsonNode capabilities = init.path("result").path("capabilities");
    assertThat(capabilities.has("resources")).as(capabilities.toString()).isTrue();
    assertThat(capabilities.has("prompts")).isTrue();
    assertThat(capabilities.has("completions")).isTrue();
    assertThat(capabilities.has("logging")).isTrue();
    assertThat(uri).as(resources.toString()).startsWith("switchboard://every/demo://");
    assertThat(read.path("result").path("contents").get(0).path("uri").asString()).isEqualTo(uri);
    assertThat(templates.path("result").toString()).contains("switchboard://every/demo://resource/dynamic/");
    assertThat(prompts.path("result").toString()).contains("every_simple-prompt");
    assertThat(prompt.path("result").path("messages").size()).as(prompt.toString()).isPositive();
    assertThat(level.has("result")).as(level.toString()).isTrue();
  }

  @Test
  void aHubWithoutMcpProvidersOffersToolsOnly() {
    String token = Cli.userWithToken(server.env(), "plain@example.com");

    JsonNode init = rpc(token, null, "initialize", Map.of("protocolVersion", "2025-11-25", "capabilities", Map.of(),
        "clientInfo", Map.of("name", "t", "version", "1")));
    JsonNode resources = rpc(token, null, "resources/list", Map.of());

    JsonNode capabilities = init.path("result").path("capabilities");
    assertThat(capabilities.has("tools")).as(capabilities.toString()).isTrue();
    assertThat(capabilities.has("resources")).isFalse();
    assertThat(capabilities.has("logging")).isFalse();
    assertThat(resources.path("error").path("code").asInt()).as(resources.toString()).isEqualTo(-32601);
  }

  private static JsonNode rpc(String token, String session, String method, Map<String, Object> params) {
    HttpRequest.Builder b = new Api(server, token).builder("/mcp/hub").header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream").header("MCP-Protocol-Version", "2025-11-25")
        .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", 1,
            "method", method, "params", params))));
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    Api.Answer answer = new Api(server, token).send(b);
    assertThat(answer.json()).as(answer.body()).isNotNull();
    return answer.json();
  }
}
