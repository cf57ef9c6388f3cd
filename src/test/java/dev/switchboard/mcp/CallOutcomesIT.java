package dev.switchboard.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.TestServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Call outcomes feed the credential's state (docs/credentials.md, "Call outcomes"), with the real
 * app and local upstreams that change behaviour mid-test: OpenAI-shaped (401 with a JSON error)
 * and Slack-shaped ({@code 200 {"ok": false, "error": "invalid_auth"}}, the provider's declared
 * answer rule). A rejected call is confirmed by the validation tool, then the credential is ERROR
 * with the upstream's reason, the next VERIFIED one is current, the tools leave {@code tools/list}
 * with {@code list_changed} on the open stream, and the owner is notified. A 429 or a 500 changes
 * nothing.
 */
class CallOutcomesIT {
  @TempDir
  static Path dir;
  static LocalHttpServer upstream;
  /** What the upstream answers for a bearer key: "reject", "429", "500", or (absent) success. */
  static final Map<String, String> behaviour = new ConcurrentHashMap<>();
  static TestServer server;
  static String token;
  static Api api;

  @BeforeAll
  static void start() {
    upstream = LocalHttpServer.start().on("/openai", CallOutcomesIT::openai).on("/slack", CallOutcomesIT::slack);
    server = TestServer.start(dir, Map.of("SWITCHBOARD_PROVIDER_OPENAI_BASE_URL", upstream.url("/openai"),
        "SWITCHBOARD_PROVIDER_SLACK_BASE_URL", upstream.url("/slack")));
    token = Cli.userWithToken(server.env(), "calls@example.com");
    api = new Api(server, token);
  }

  @AfterAll
  static void stop() {
    server.close();
    upstream.close();
  }

  static String key(HttpExchange exchange) {
    return String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")).replace("Bearer ", "");
  }

  /** OpenAI: 401 {"error": {"message": …}} for a rejected key, like the real API. */
  static void openai(HttpExchange exchange) throws IOException {
    String mode = behaviour.getOrDefault(key(exchange), "ok");
    switch (mode) {
      case "reject" -> LocalHttpServer.answer(401, "{\"error\":{\"message\":\"Incorrect API key provided\","
          + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}", "Content-Type", "application/json")
          .handle(exchange);
      case "429" -> LocalHttpServer.answer(429, "{\"error\":{\"message\":\"Rate limit reached\"}}",
          "Content-Type", "application/json", "Retry-After", "20").handle(exchange);
      case "500" -> LocalHttpServer.answer(500, "{\"error\":{\"message\":\"The server had an error\"}}",
          "Content-Type", "application/json").handle(exchange);
      default -> LocalHttpServer.answer(200, "{\"object\":\"list\",\"data\":[]}", "Content-Type", "application/json")
          .handle(exchange);
    }
  }

  /** Slack: every answer is HTTP 200; a revoked token gets {"ok": false, "error": "invalid_auth"}. */
  static void slack(HttpExchange exchange) throws IOException {
    String body = behaviour.getOrDefault(key(exchange), "ok").equals("reject")
        ? "{\"ok\":false,\"error\":\"invalid_auth\"}"
        : exchange.getRequestURI().getPath().endsWith("auth.test")
            ? "{\"ok\":true,\"url\":\"https://example.slack.com/\",\"team\":\"Example\",\"user\":\"bot\"}"
            : "{\"ok\":true,\"channels\":[],\"response_metadata\":{\"next_cursor\":\"\"}}";
    LocalHttpServer.answer(200, body, "Content-Type", "application/json; charset=utf-8").handle(exchange);
  }

  static String save(String provider, String method, Map<String, String> fields, String label) {
    Api.Answer a = api.post("/api/v1/credentials",
        Map.of("provider", provider, "authMethod", method, "label", label, "fields", fields));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return a.json().path("id").asString();
  }

  static JsonNode verify(String id) {
    Api.Answer a = api.post("/api/v1/credentials/" + id + "/verify", Map.of());
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.json();
  }

  static JsonNode credential(String id) {
    return api.get("/api/v1/credentials/" + id).json();
  }

  static List<String> notificationKinds() {
    List<String> kinds = new ArrayList<>();
    api.get("/api/v1/notifications").json().path("items").forEach(n -> kinds.add(n.path("kind").asString()));
    return kinds;
  }

  /** The first list_changed on the session's GET stream. */
  static CompletableFuture<String> listChanged(McpClient client) throws Exception {
    HttpRequest get = client.api.builder(client.path).header("Accept", "text/event-stream")
        .header("Mcp-Session-Id", client.session).header("MCP-Protocol-Version", "2025-11-25").GET().build();
    HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(get, HttpResponse.BodyHandlers.ofLines());
    assertThat(stream.statusCode()).isEqualTo(200);
    CompletableFuture<String> changed = CompletableFuture.supplyAsync(() -> stream.body()
        .filter(line -> line.contains("notifications/tools/list_changed")).findFirst().orElse(""));
    Thread.sleep(200); // the stream is registered before the change
    return changed;
  }

  static int toolCount(McpClient client) {
    return client.request("tools/list", Map.of()).json().path("result").path("tools").size();
  }

  static JsonNode call(McpClient client, String tool) {
    return client.request("tools/call", Map.of("name", tool, "arguments", Map.of())).json().path("result");
  }

  @Test
  void aVerifiedKeyThatStartsBeingRejectedOnCallsFailsAndTheNextVerifiedOneTakesOver() throws Exception {
    String work = save("openai", "API_KEY", Map.of("api_key", "sk-work-000000000000001"), "Work");
    String backup = save("openai", "API_KEY", Map.of("api_key", "sk-backup-0000000000002"), "Backup");
    verify(backup);
    verify(work);
    assertThat(credential(work).path("current").asBoolean()).isTrue();
    assertThat(api.post("/api/v1/bundles", Map.of("slug", "models", "name", "Models",
        "tools", List.of("openai_list_models"))).status()).isEqualTo(201);
    McpClient client = new McpClient(server, token, "/mcp/bundle/models");
    client.initialize();
    assertThat(toolCount(client)).isEqualTo(1);

    behaviour.put("sk-work-000000000000001", "429");
    assertThat(call(client, "openai_list_models").path("isError").asBoolean()).isTrue();
    behaviour.put("sk-work-000000000000001", "500");
    assertThat(call(client, "openai_list_models").path("isError").asBoolean()).isTrue();
    assertThat(credential(work).path("verification").asString())
        .as("rate limits and a failing upstream never change the state").isEqualTo("VERIFIED");
    assertThat(credential(work).path("current").asBoolean()).isTrue();
    assertThat(notificationKinds()).isEmpty();

    behaviour.put("sk-work-000000000000001", "reject");
    CompletableFuture<String> changed = listChanged(client);
    JsonNode rejected = call(client, "openai_list_models");
    assertThat(rejected.path("isError").asBoolean()).isTrue();
    assertThat(rejected.path("content").get(0).path("text").asString()).contains("credentials rejected");
    JsonNode failed = credential(work);
    assertThat(failed.path("verification").asString()).isEqualTo("ERROR");
    assertThat(failed.path("verificationCode").asString()).isEqualTo("credentials_rejected");
    assertThat(failed.path("verificationMessage").asString()).contains("Incorrect API key provided")
        .doesNotContain("sk-work");
    assertThat(failed.path("current").asBoolean()).isFalse();
    assertThat(credential(backup).path("current").asBoolean()).as("the next VERIFIED one took over").isTrue();
    assertThat(notificationKinds()).containsExactly("CURRENT_CREDENTIAL_REPLACED");
    assertThat(changed.get(10, TimeUnit.SECONDS)).contains("list_changed");
    assertThat(call(client, "openai_list_models").path("isError").asBoolean()).as("runs with Backup").isFalse();

    behaviour.put("sk-backup-0000000000002", "reject");
    assertThat(call(client, "openai_list_models").path("isError").asBoolean()).isTrue();
    assertThat(credential(backup).path("verification").asString()).isEqualTo("ERROR");
    assertThat(toolCount(client)).as("no usable credential: the tool is hidden").isZero();
    assertThat(notificationKinds()).as("the owner's own bundle, not enabled, is watched too")
        .contains("NO_USABLE_CREDENTIAL", "BUNDLE_NEEDS_ATTENTION", "CURRENT_CREDENTIAL_REPLACED");
    assertThat(api.get("/api/v1/audit").body()).contains("REJECTED_ON_CALL");

    behaviour.remove("sk-backup-0000000000002");
    assertThat(verify(backup).path("verification").asString()).isEqualTo("VERIFIED");
    assertThat(toolCount(client)).isEqualTo(1);
    assertThat(notificationKinds()).contains("PROVIDER_OPERATIONAL", "BUNDLE_OPERATIONAL");
    assertThat(notification("NO_USABLE_CREDENTIAL").path("resolvedAt").isString()).as("resolved").isTrue();
    assertThat(notification("BUNDLE_NEEDS_ATTENTION").path("resolvedAt").isString()).as("resolved").isTrue();
    assertThat(notification("BUNDLE_OPERATIONAL").path("title").asString())
        .isEqualTo("Bundle operational again: Models");
  }

  static JsonNode notification(String kind) {
    for (JsonNode n : api.get("/api/v1/notifications").json().path("items")) {
      if (n.path("kind").asString().equals(kind)) {
        return n;
      }
    }
    throw new AssertionError("no " + kind + " notification");
  }

  @Test
  void slackSaysNoWithHttp200AndThatIsARejectionAtVerificationAndOnCalls() {
    behaviour.put("xoxb-revoked-000000000001", "reject");
    String revoked = save("slack", "BEARER", Map.of("token", "xoxb-revoked-000000000001"), "Revoked");
    JsonNode failed = verify(revoked);
    assertThat(failed.path("verification").asString()).isEqualTo("ERROR");
    assertThat(failed.path("verificationCode").asString()).isEqualTo("credentials_rejected");
    assertThat(failed.path("verificationMessage").asString()).contains("invalid_auth");

    String good = save("slack", "BEARER", Map.of("token", "xoxb-good-00000000000002"), "Bot");
    assertThat(verify(good).path("verification").asString()).isEqualTo("VERIFIED");
    assertThat(api.post("/api/v1/bundles", Map.of("slug", "chat", "name", "Chat",
        "tools", List.of("slack_list_conversations"))).status()).isEqualTo(201);
    McpClient client = new McpClient(server, token, "/mcp/bundle/chat");
    client.initialize();
    assertThat(call(client, "slack_list_conversations").path("isError").asBoolean()).isFalse();

    behaviour.put("xoxb-good-00000000000002", "reject");
    JsonNode rejected = call(client, "slack_list_conversations");
    assertThat(rejected.path("isError").asBoolean()).isTrue();
    assertThat(rejected.path("content").get(0).path("text").asString()).contains("invalid_auth");
    JsonNode after = credential(good);
    assertThat(after.path("verification").asString()).isEqualTo("ERROR");
    assertThat(after.path("verificationMessage").asString()).contains("invalid_auth").doesNotContain("xoxb");
    assertThat(toolCount(client)).isZero();
  }
}
