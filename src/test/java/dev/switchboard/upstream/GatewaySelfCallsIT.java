package dev.switchboard.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.McpCall;
import dev.switchboard.testing.TestServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The gateway never calls itself (its API, {@code /metrics}, its MCP endpoints) although the test
 * settings allow-list loopback for every port: not through a redirect from an allowed upstream,
 * and not when a credential points a tool at the gateway's own port. Other loopback ports work.
 */
class GatewaySelfCallsIT {
  @TempDir
  static Path dir;
  static final AtomicReference<HttpHandler> handler = new AtomicReference<>();
  static LocalHttpServer upstream;
  static TestServer server;
  static Api api;
  static String self;

  @BeforeAll
  static void start() {
    upstream = LocalHttpServer.start().on("/", exchange -> handler.get().handle(exchange));
    server = TestServer.start(dir, Map.of("SWITCHBOARD_PROVIDER_OPENAI_BASE_URL", upstream.url("")));
    api = new Api(server, Cli.userWithToken(server.env(), "self@example.com"));
    self = "http://127.0.0.1:" + server.running().port();
  }

  @AfterAll
  static void stop() {
    server.close();
    upstream.close();
  }

  static void answer(HttpHandler next) {
    handler.set(next);
  }

  static JsonNode createAndVerify(String provider, String method, Map<String, Object> fields) {
    Api.Answer a = api.post("/api/v1/credentials?verify=true",
        Map.of("provider", provider, "authMethod", method, "fields", fields));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return a.json();
  }

  @Test
  void aRedirectFromAnAllowedUpstreamToTheGatewaysOwnMetricsIsRefused() {
    assertThat(api.get("/metrics").status()).as("the target exists").isEqualTo(200);
    answer(LocalHttpServer.redirect(302, self + "/metrics"));

    JsonNode c = createAndVerify("openai", "API_KEY", Map.of("api_key", "sk-self-redirect-000111"));

    assertThat(c.path("verification").asString()).isEqualTo("ERROR");
    assertThat(c.path("verificationCode").asString()).isEqualTo("outbound_blocked");
    assertThat(c.path("verificationMessage").asString())
        .contains("127.0.0.1 on port " + server.running().port() + ", where this gateway itself listens")
        .doesNotContain("sk-self-redirect-000111");
  }

  @Test
  void aRedirectToTheGatewaysBaseUrlIsRefusedInAToolCall() {
    answer(LocalHttpServer.answer(200, "{\"data\":[]}", "Content-Type", "application/json"));
    createAndVerify("openai", "API_KEY", Map.of("api_key", "sk-self-tool-000222"));
    api.post("/api/v1/bundles", Map.of("slug", "self", "name", "Self", "tools", List.of("openai_list_models")));
    McpCall mcp = new McpCall(server, Cli.token(server.env(), "self@example.com"), "/mcp/bundle/self");
    answer(LocalHttpServer.redirect(307, server.url("/api/v1/credentials")));

    JsonNode result = mcp.call("openai_list_models", Map.of());

    assertThat(result.path("isError").asBoolean()).as(result.toString()).isTrue();
    assertThat(result.path("content").get(0).path("text").asString())
        .contains("refused", "this gateway's own base URL").doesNotContain("sk-self-tool-000222");
  }

  @Test
  void aToolPointedAtTheGatewaysOwnPortIsRefusedWhileOtherLoopbackPortsWork() {
    answer(LocalHttpServer.answer(200, "{\"accountId\":\"abc\"}", "Content-Type", "application/json"));
    Map<String, Object> fields = Map.of("email", "me@acme.test", "api_key", "jira-self-secret-333444");
    int before = upstream.requests().size();

    JsonNode atUpstream = createAndVerify("jira-cloud", "API_KEY", with(fields, upstream.url("")));
    JsonNode atSelf = createAndVerify("jira-cloud", "API_KEY", with(fields, self));
    JsonNode atSelfByName = createAndVerify("jira-cloud", "API_KEY", with(fields, server.url("")));

    assertThat(atUpstream.path("verification").asString()).as(atUpstream.toString()).isEqualTo("VERIFIED");
    assertThat(upstream.requests()).hasSize(before + 1);
    for (JsonNode refused : List.of(atSelf, atSelfByName)) {
      assertThat(refused.path("verification").asString()).isEqualTo("ERROR");
      assertThat(refused.path("verificationCode").asString()).isEqualTo("outbound_blocked");
      assertThat(refused.path("verificationMessage").asString())
          .contains("refused").doesNotContain("jira-self-secret-333444");
    }
  }

  private static Map<String, Object> with(Map<String, Object> fields, String instanceUrl) {
    Map<String, Object> all = new HashMap<>(fields);
    all.put("instance_url", instanceUrl);
    return all;
  }
}
