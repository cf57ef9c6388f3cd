package dev.switchboard.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.McpCall;
import dev.switchboard.testing.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * API tools executed for real against a local upstream: one test per auth method asserts the exact
 * request the upstream received and that the secret travels nowhere else; verification moves the
 * states as DESIGN.md §4 says; slow, huge and rate-limited answers are reported clearly.
 */
class ApiToolExecutionIT {
  @TempDir
  static Path dir;
  static LocalHttpServer upstream;
  static final AtomicReference<HttpHandler> handler = new AtomicReference<>();
  static TestServer server;
  static Api api;

  @BeforeAll
  static void start() {
    upstream = LocalHttpServer.start().on("/", exchange -> handler.get().handle(exchange));
    String base = upstream.url("");
    server = TestServer.start(dir, Map.of(
        "SWITCHBOARD_PROVIDER_OPENAI_BASE_URL", base,
        "SWITCHBOARD_PROVIDER_SMARTLEAD_BASE_URL", base,
        "SWITCHBOARD_PROVIDER_GITHUB_BASE_URL", base,
        "SWITCHBOARD_PROVIDER_OPEN_METEO_BASE_URL", base,
        "SWITCHBOARD_CALL_TIMEOUT_MS", "1500",
        "SWITCHBOARD_MAX_RESPONSE_BYTES", "100000"));
    api = new Api(server, Cli.userWithToken(server.env(), "exec@example.com"));
  }

  @AfterAll
  static void stop() {
    server.close();
    upstream.close();
  }

  static void answer(int status, String body, String... headers) {
    handler.set(LocalHttpServer.answer(status, body, headers));
  }

  static JsonNode createAndVerify(String provider, String method, Map<String, Object> fields) {
    int before = upstream.requests().size();
    Api.Answer a = api.post("/api/v1/credentials?verify=true",
        Map.of("provider", provider, "authMethod", method, "fields", fields));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    assertThat(upstream.requests().size()).isEqualTo(before + 1);
    return a.json();
  }

  static LocalHttpServer.Recorded last() {
    List<LocalHttpServer.Recorded> all = upstream.requests();
    return all.get(all.size() - 1);
  }

  static void secretOnlyIn(LocalHttpServer.Recorded r, String secret, String where) {
    r.headers().forEach((name, values) -> {
      if (!name.equals(where)) {
        assertThat(values.toString()).as("header " + name).doesNotContain(secret);
      }
    });
    if (!where.equals("query")) {
      assertThat(r.pathAndQuery()).doesNotContain(secret);
    }
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain(secret);
  }

  @Test
  void apiKeyInAHeaderWithPrefix() {
    answer(200, "{\"data\":[{\"id\":\"gpt\"}]}", "Content-Type", "application/json");
    JsonNode c = createAndVerify("openai", "API_KEY", Map.of("api_key", "sk-header-secret-000111"));
    assertThat(c.path("verification").asString()).isEqualTo("VERIFIED");
    LocalHttpServer.Recorded r = last();
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.pathAndQuery()).isEqualTo("/models");
    assertThat(r.header("authorization")).isEqualTo("Bearer sk-header-secret-000111");
    assertThat(r.body()).isEmpty();
    secretOnlyIn(r, "sk-header-secret-000111", "authorization");
  }

  @Test
  void apiKeyInTheQuery() {
    answer(200, "[]", "Content-Type", "application/json");
    JsonNode c = createAndVerify("smartlead", "API_KEY", Map.of("api_key", "sl-query-secret-222333"));
    assertThat(c.path("verification").asString()).isEqualTo("VERIFIED");
    LocalHttpServer.Recorded r = last();
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.pathAndQuery()).startsWith("/campaigns").contains("api_key=sl-query-secret-222333");
    assertThat(r.header("authorization")).isNull();
    secretOnlyIn(r, "sl-query-secret-222333", "query");
  }

  @Test
  void bearerToken() {
    answer(200, "{\"login\":\"octocat\"}", "Content-Type", "application/json");
    JsonNode c = createAndVerify("github", "BEARER", Map.of("token", "ghp_bearer_secret_444555"));
    assertThat(c.path("verification").asString()).isEqualTo("VERIFIED");
    LocalHttpServer.Recorded r = last();
    assertThat(r.pathAndQuery()).isEqualTo("/user");
    assertThat(r.header("authorization")).isEqualTo("Bearer ghp_bearer_secret_444555");
    secretOnlyIn(r, "ghp_bearer_secret_444555", "authorization");
  }

  @Test
  void noAuthCreateConnectionAndTest() {
    answer(200, "{\"latitude\":52.5}", "Content-Type", "application/json");
    JsonNode c = createAndVerify("open-meteo", "NONE", Map.of());
    assertThat(c.path("verification").asString()).isEqualTo("VERIFIED");
    LocalHttpServer.Recorded r = last();
    assertThat(r.pathAndQuery()).startsWith("/forecast?").contains("latitude=").contains("longitude=");
    assertThat(r.header("authorization")).isNull();
  }

  @Test
  void schemaDrivenSaasCredentialGoesToItsInstanceWithStandardHeaders() {
    answer(200, "{\"accountId\":\"abc\"}", "Content-Type", "application/json");
    String instance = upstream.url("");
    JsonNode c = createAndVerify("jira-cloud", "API_KEY", Map.of("instance_url", instance,
        "email", "me@acme.test", "api_key", "jira-basic-secret-666777"));
    assertThat(c.path("verification").asString()).as(c.toString()).isEqualTo("VERIFIED");
    LocalHttpServer.Recorded r = last();
    assertThat(r.pathAndQuery()).isEqualTo("/rest/api/3/myself");
    String basic = Base64.getEncoder().encodeToString(
        "me@acme.test:jira-basic-secret-666777".getBytes(StandardCharsets.UTF_8));
    assertThat(r.header("authorization")).isEqualTo("Basic " + basic);
    assertThat(r.header("x-jira-cloud-instance-url")).isEqualTo(instance);
    assertThat(r.header("x-jira-cloud-email")).isEqualTo("me@acme.test");
    secretOnlyIn(r, "jira-basic-secret-666777", "authorization");
  }

  @Test
  void verificationStatesAndTheCurrentCredentialRule() {
    answer(401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-wrong-secret-888\"}}",
        "Content-Type", "application/json");
    JsonNode rejected = createAndVerify("openai", "API_KEY", Map.of("api_key", "sk-wrong-secret-888"));
    assertThat(rejected.path("verification").asString()).isEqualTo("ERROR");
    assertThat(rejected.path("verificationCode").asString()).isEqualTo("credentials_rejected");
    assertThat(rejected.path("verificationMessage").asString()).startsWith("credentials rejected")
        .doesNotContain("sk-wrong-secret-888");

    answer(503, "maintenance", "Content-Type", "text/plain");
    String id = rejected.path("id").asString();
    JsonNode unreachable = api.post("/api/v1/credentials/" + id + "/verify", Map.of()).json();
    assertThat(unreachable.path("verificationCode").asString()).isEqualTo("provider_unreachable");
    assertThat(unreachable.path("verificationMessage").asString()).contains("503");

    answer(200, "{\"data\":[]}", "Content-Type", "application/json");
    JsonNode first = createAndVerify("openai", "API_KEY", Map.of("api_key", "sk-first-000000000"));
    JsonNode second = createAndVerify("openai", "API_KEY", Map.of("api_key", "sk-second-00000000"));
    assertThat(second.path("current").asBoolean()).isTrue();
    assertThat(api.get("/api/v1/credentials/" + first.path("id").asString()).json().path("current").asBoolean())
        .isFalse();
    JsonNode again = api.post("/api/v1/credentials/" + first.path("id").asString() + "/verify", Map.of()).json();
    assertThat(again.path("current").asBoolean()).isTrue();
    assertThat(api.get("/api/v1/executions?provider=openai").json().path("items").size()).isGreaterThanOrEqualTo(4);
    JsonNode trail = api.get("/api/v1/audit?credential=" + first.path("id").asString()).json().path("items");
    List<String> actions = new ArrayList<>();
    trail.forEach(e -> actions.add(e.path("action").asString()));
    assertThat(actions).containsExactly("VERIFIED", "VERIFIED", "CREATED");
    assertThat(trail.toString()).doesNotContain("sk-first-000000000");
  }

  @Test
  void rateLimitSlowBodyAndHugeBodyAreReportedClearly() {
    answer(200, "{\"data\":[]}", "Content-Type", "application/json");
    JsonNode c = createAndVerify("github", "BEARER", Map.of("token", "ghp_limits_000000000"));
    api.post("/api/v1/bundles", Map.of("slug", "gh", "name", "GitHub", "tools", List.of("github_get_authenticated_user")));
    McpCall mcp = new McpCall(server, apiToken(), "/mcp/bundle/gh");

    answer(429, "{\"message\":\"API rate limit exceeded\"}", "Content-Type", "application/json", "Retry-After", "30");
    JsonNode limited = mcp.call("github_get_authenticated_user", Map.of());
    assertThat(limited.path("isError").asBoolean()).isTrue();
    assertThat(limited.path("content").get(0).path("text").asString()).contains("429").contains("retry after 30 seconds");

    handler.set(exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write("{\"a\":\"".getBytes(StandardCharsets.UTF_8));
        out.flush();
        for (int i = 0; i < 100; i++) {
          Thread.sleep(100);
          out.write('x');
          out.flush();
        }
      } catch (InterruptedException | IOException e) {
        // the gateway hung up at its deadline
      }
    });
    JsonNode slow = mcp.call("github_get_authenticated_user", Map.of());
    assertThat(slow.path("isError").asBoolean()).isTrue();
    assertThat(slow.path("content").get(0).path("text").asString()).contains("timed out");

    handler.set(exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, 0);
      byte[] chunk = new byte[64 * 1024];
      Arrays.fill(chunk, (byte) 'x');
      try (OutputStream out = exchange.getResponseBody()) {
        for (int i = 0; i < 50 * 16; i++) {
          out.write(chunk);
        }
      } catch (IOException e) {
        // the gateway stopped reading at its cap
      }
    });
    JsonNode huge = mcp.call("github_get_authenticated_user", Map.of());
    String text = huge.path("content").get(0).path("text").asString();
    assertThat(text).contains("response cut at 100000 bytes");
    assertThat(text.length()).isLessThan(101_000);
    assertThat(c.path("id").asString()).isNotEmpty();
  }

  @Test
  void aCancelledCallStopsAndIsNotAnswered() throws Exception {
    answer(200, "{\"data\":[]}", "Content-Type", "application/json");
    createAndVerify("github", "BEARER", Map.of("token", "ghp_cancel_00000000000"));
    api.post("/api/v1/bundles", Map.of("slug", "gh-cancel", "name", "GitHub", "tools",
        List.of("github_get_authenticated_user")));
    handler.set(exchange -> {
      try {
        Thread.sleep(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      LocalHttpServer.answer(200, "{}", "Content-Type", "application/json").handle(exchange);
    });
    String token = apiToken();
    Api mcp = new Api(server, token);
    Function<String, HttpRequest.Builder> post = body -> mcp
        .builder("/mcp/bundle/gh-cancel").header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream").header("MCP-Protocol-Version", "2025-11-25")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    CompletableFuture<Api.Answer> call = CompletableFuture.supplyAsync(
        () -> mcp.send(post.apply("{\"jsonrpc\":\"2.0\",\"id\":77,\"method\":\"tools/call\",\"params\":"
            + "{\"name\":\"github_get_authenticated_user\",\"arguments\":{}}}")));
    Thread.sleep(500);
    assertThat(mcp.send(post.apply("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
        + "\"params\":{\"requestId\":77,\"reason\":\"user stopped\"}}")).status()).isEqualTo(202);
    Api.Answer answered = call.get(3, TimeUnit.SECONDS);
    assertThat(answered.status()).as(answered.body()).isEqualTo(202);
    assertThat(answered.body()).isEmpty();
  }

  private static String apiToken() {
    return Cli.token(server.env(), "exec@example.com");
  }
}
