package dev.switchboard.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.McpCall;
import dev.switchboard.testing.TestDatabases;
import dev.switchboard.testing.TestServer;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two Switchboard instances on one real PostgreSQL: 50 concurrent calls split between them, with
 * an expired access token, make exactly one token request; an MCP session begun on one is served
 * by the other.
 */
class TwoInstancesIT {
  @TempDir
  static Path dir;
  static MockOAuth2Server authServer;
  static LocalHttpServer upstream;
  static TestServer first;
  static TestServer second;
  static String dbUrl;
  static String token;

  @BeforeAll
  static void start() throws Exception {
    authServer = new MockOAuth2Server();
    authServer.start(InetAddress.getByName("127.0.0.1"), 0);
    upstream = LocalHttpServer.start().on("/", LocalHttpServer.answer(200, "{\"ok\":true}",
        "Content-Type", "application/json"));
    dbUrl = TestDatabases.newPostgresUrl();
    // fifty calls at once by one user: above the default in-flight limits (16 per user and provider)
    Map<String, String> db = Map.of("SWITCHBOARD_DB_URL", dbUrl, "SWITCHBOARD_DB_USER", "postgres",
        "SWITCHBOARD_DB_PASSWORD", "postgres", "SWITCHBOARD_MAX_CALLS_PER_USER", "64",
        "SWITCHBOARD_MAX_CALLS_PER_USER_PROVIDER", "64");
    first = TestServer.start(dir, db);
    second = TestServer.start(dir, db);
    Api admin = new Api(first, Cli.token(first.env(), TestServer.ADMIN_EMAIL));
    Api.Answer imported = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "acme", "name", "Acme",
        "document", OAuthLifecycleIT.API, "baseUrl", upstream.url(""), "validationTool", "get_me",
        "authMethods", List.of(Map.of("type", "OAUTH2", "issuer", authServer.issuerUrl("acme").toString(),
            "defaultScopes", List.of("openid", "read"), "pkce", true))));
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    admin.post("/api/v1/admin/oauth-apps/acme", Map.of("clientId", "switchboard", "clientSecret", "two-secret"));
    token = Cli.userWithToken(first.env(), "two@example.com");
    // the second instance learns of the imported provider from the database within its refresh period
    Instant until = Instant.now().plusSeconds(15);
    while (new Api(second, token).get("/api/v1/providers/acme").status() != 200
        && Instant.now().isBefore(until)) {
      Thread.sleep(100);
    }
  }

  @AfterAll
  static void stop() {
    second.close();
    first.close();
    upstream.close();
    authServer.shutdown();
  }

  static long refreshRequests() {
    long n = 0;
    while (true) {
      try {
        var r = authServer.takeRequest(300, TimeUnit.MILLISECONDS);
        if (r == null) {
          return n;
        }
        if (r.getPath().contains("/token") && r.getBody().readUtf8().contains("grant_type=refresh_token")) {
          n++;
        }
      } catch (RuntimeException noMore) {
        return n;
      }
    }
  }

  static Api.Answer post(TestServer server, String session, String body) {
    Api api = new Api(server, token);
    HttpRequest.Builder b = api.builder("/mcp/bundle/acme-two").header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream").header("MCP-Protocol-Version", "2025-11-25");
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    return api.send(b.POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  @Test
  void aProviderDeletedOnOneInstanceIsDroppedByTheOtherWhoseStreamsHearOfIt() throws Exception {
    Api admin = new Api(first, Cli.token(first.env(), TestServer.ADMIN_EMAIL));
    assertThat(admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "gone-two", "document",
        OAuthLifecycleIT.API, "baseUrl", upstream.url(""), "validationTool", "get_me",
        "authMethods", List.of(Map.of("type", "BEARER")))).status()).isEqualTo(201);
    String reader = Cli.userWithToken(first.env(), "gone@example.com");
    Api onSecond = new Api(second, reader);
    Instant until = Instant.now().plusSeconds(15);
    while (onSecond.get("/api/v1/tools?provider=gone-two").json().path("items").isEmpty()
        && Instant.now().isBefore(until)) {
      Thread.sleep(100);
    }
    assertThat(onSecond.get("/api/v1/tools?provider=gone-two").json().path("items").size()).isPositive();
    onSecond.post("/api/v1/bundles", Map.of("slug", "gone-bundle", "name", "Gone",
        "tools", List.of("calculator_add", "gone-two_get_me")));
    Api.Answer init = onSecond.send(onSecond.builder("/mcp/bundle/gone-bundle").header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream").header("MCP-Protocol-Version", "2025-11-25")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
            + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")));
    String session = init.raw().headers().firstValue("Mcp-Session-Id").orElseThrow();
    HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(
        onSecond.builder("/mcp/bundle/gone-bundle").header("Accept", "text/event-stream")
            .header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25").GET().build(),
        HttpResponse.BodyHandlers.ofLines());
    CompletableFuture<String> changed = CompletableFuture.supplyAsync(
        () -> stream.body().filter(l -> l.contains("list_changed")).findFirst().orElse(""));
    Thread.sleep(300);

    assertThat(admin.delete("/api/v1/admin/providers/gone-two").status()).isEqualTo(204);

    assertThat(changed.get(5, TimeUnit.SECONDS)).contains("notifications/tools/list_changed");
    stream.body().close();
    assertThat(onSecond.get("/api/v1/providers/gone-two").status()).isEqualTo(404);
    assertThat(onSecond.get("/api/v1/tools?provider=gone-two").json().path("items").size()).isZero();
    assertThat(onSecond.get("/api/v1/bundles/gone-bundle").json().path("tools").toString())
        .doesNotContain("gone-two_").contains("calculator_add");
  }

  @Test
  void aCredentialChangeOnOneInstanceReachesTheStreamsOfTheOther() throws Exception {
    String other = Cli.userWithToken(first.env(), "stream@example.com");
    Api onFirst = new Api(first, other);
    onFirst.post("/api/v1/bundles", Map.of("slug", "calc-two", "name", "Calc", "tools", List.of("calculator_add")));
    Api onSecond = new Api(second, other);
    Api.Answer init = onSecond.send(onSecond.builder("/mcp/bundle/calc-two").header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream").header("MCP-Protocol-Version", "2025-11-25")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
            + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")));
    String session = init.raw().headers().firstValue("Mcp-Session-Id").orElseThrow();
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<Stream<String>> stream = http.send(onSecond.builder("/mcp/bundle/calc-two")
        .header("Accept", "text/event-stream").header("Mcp-Session-Id", session)
        .header("MCP-Protocol-Version", "2025-11-25").GET().build(), HttpResponse.BodyHandlers.ofLines());
    CompletableFuture<String> changed = CompletableFuture.supplyAsync(
        () -> stream.body().filter(l -> l.contains("list_changed")).findFirst().orElse(""));
    Thread.sleep(300);
    assertThat(onFirst.post("/api/v1/credentials?verify=true", Map.of("provider", "calculator", "authMethod", "NONE"))
        .json().path("verification").asString()).isEqualTo("VERIFIED");
    assertThat(changed.get(5, TimeUnit.SECONDS)).contains("notifications/tools/list_changed");
    stream.body().close();
  }

  @Test
  void fiftyCallsAcrossTwoInstancesRefreshOnceAndSessionsMove() throws Exception {
    Api user = new Api(first, token);
    String url = user.post("/api/v1/oauth/acme/start", Map.of()).json().path("authorizationUrl").asString();
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String callback = browser.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString()).headers().firstValue("Location").orElseThrow();
    assertThat(browser.send(HttpRequest.newBuilder(URI.create(callback)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    String id = user.get("/api/v1/credentials?provider=acme").json().path("items").get(0).path("id").asString();
    user.post("/api/v1/bundles", Map.of("slug", "acme-two", "name", "Acme", "tools", List.of("acme_get_me")));

    Api.Answer init = post(first, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
        + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
    String session = init.raw().headers().firstValue("Mcp-Session-Id").orElseThrow();
    Api.Answer listedOnSecond = post(second, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
    assertThat(listedOnSecond.status()).isEqualTo(200);
    assertThat(listedOnSecond.body()).contains("acme_get_me");
    assertThat(new Api(second, token).send(new Api(second, token).builder("/mcp/bundle/acme-two")
        .header("Mcp-Session-Id", session).DELETE()).status()).isEqualTo(204);
    assertThat(post(first, session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}").status())
        .isEqualTo(404);

    refreshRequests();
    try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "postgres")) {
      c.createStatement().executeUpdate("UPDATE credentials SET access_expires_at = 1000 WHERE id = '" + id + "'");
    }
    Thread.sleep(1_100); // the expiry was changed behind Switchboard's back: let kept tool surfaces (1 s) lapse
    ExecutorService pool = Executors.newFixedThreadPool(50);
    List<Future<JsonNode>> results = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      TestServer target = i % 2 == 0 ? first : second;
      results.add(pool.submit(() -> new McpCall(target, token, "/mcp/bundle/acme-two").call("acme_get_me", Map.of())));
    }
    for (Future<JsonNode> f : results) {
      assertThat(f.get(60, TimeUnit.SECONDS).path("isError").asBoolean()).isFalse();
    }
    pool.shutdown();
    assertThat(refreshRequests()).isEqualTo(1);

    Api onSecond = new Api(second, token);
    assertThat(onSecond.post("/api/v1/credentials/" + id + "/disable", Map.of()).status()).isEqualTo(200);
    assertThat(new McpCall(first, token, "/mcp/bundle/acme-two").toolNames()).isEmpty();
  }
}
