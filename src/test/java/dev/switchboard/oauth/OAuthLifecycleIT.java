package dev.switchboard.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.AcmeApi;
import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.McpCall;
import dev.switchboard.testing.TestServer;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The OAuth lifecycle against a real authorization server (mock-oauth2-server, in-process): the
 * code flow with PKCE, refused states, scope mismatch fixed by re-authorizing, and a refresh made
 * once for 50 concurrent calls. Failure modes are in {@link RefreshFailuresIT}.
 */
class OAuthLifecycleIT {
  static final String API = AcmeApi.OPENAPI;

  @TempDir
  static Path dir;
  static MockOAuth2Server authServer;
  static LocalHttpServer upstream;
  static TestServer server;
  static Api admin;
  static Api user;
  static String userToken;
  static final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() throws Exception {
    authServer = new MockOAuth2Server();
    authServer.start(InetAddress.getByName("127.0.0.1"), 0);
    upstream = LocalHttpServer.start().on("/", LocalHttpServer.answer(200, "{\"ok\":true}",
        "Content-Type", "application/json"));
    // fifty calls at once by one user: above the default in-flight limits (16 per user and provider)
    server = TestServer.start(dir, Map.of("SWITCHBOARD_MAX_CALLS_PER_USER", "64",
        "SWITCHBOARD_MAX_CALLS_PER_USER_PROVIDER", "64"));
    admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
    userToken = Cli.userWithToken(server.env(), "oauth@example.com");
    user = new Api(server, userToken);
    String issuer = authServer.issuerUrl("acme").toString();
    Api.Answer imported = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "acme", "name", "Acme",
        "document", API, "baseUrl", upstream.url(""), "validationTool", "get_me",
        "authMethods", List.of(Map.of("type", "OAUTH2", "issuer", issuer, "defaultScopes", List.of("openid", "read"),
            "pkce", true, "clientAuthentication", "CLIENT_SECRET_BASIC"))));
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    Api.Answer app = admin.post("/api/v1/admin/oauth-apps/acme", Map.of("clientId", "switchboard",
        "clientSecret", "client-secret-value"));
    assertThat(app.json().path("redirectUri").asString()).isEqualTo(server.url("/oauth/callback"));
    drain();
  }

  @AfterAll
  static void stop() {
    server.close();
    upstream.close();
    authServer.shutdown();
  }

  static List<RecordedRequest> drain() throws InterruptedException {
    List<RecordedRequest> seen = new ArrayList<>();
    while (true) {
      try {
        RecordedRequest r = authServer.takeRequest(300, TimeUnit.MILLISECONDS);
        if (r == null) {
          return seen;
        }
        seen.add(r);
      } catch (RuntimeException noMore) {
        return seen;
      }
    }
  }

  static long tokenRequests(List<RecordedRequest> requests, String grant) {
    return requests.stream().filter(r -> r.getPath() != null && r.getPath().contains("/token"))
        .filter(r -> r.getBody().readUtf8().contains("grant_type=" + grant)).count();
  }

  /** Follows the authorization URL like a browser and returns the callback page's status. */
  static HttpResponse<String> authorize(Map<String, Object> body) throws Exception {
    String url = user.post("/api/v1/oauth/acme/start", body).json().path("authorizationUrl").asString();
    assertThat(url).contains("code_challenge=").contains("code_challenge_method=S256").contains("state=");
    HttpResponse<String> toProvider = browser.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
    String callback = toProvider.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
        toProvider.statusCode() + " " + toProvider.body() + " for " + url));
    assertThat(callback).startsWith(server.url("/oauth/callback"));
    return browser.send(HttpRequest.newBuilder(URI.create(callback)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode acmeCredential() {
    return user.get("/api/v1/credentials?provider=acme").json().path("items").get(0);
  }

  static void expireAccessToken(String id) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("switchboard-test.db"))) {
      c.createStatement().executeUpdate("UPDATE credentials SET access_expires_at = 1000 WHERE id = '" + id + "'");
    }
  }

  @Test
  void theCodeFlowWithPkceConnectsVerifiesAndRefusesBadStates() throws Exception {
    HttpResponse<String> done = authorize(Map.of());
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    assertThat(done.body()).contains("connected and verified");
    JsonNode c = acmeCredential();
    assertThat(c.path("authMethod").asString()).isEqualTo("OAUTH2");
    assertThat(c.path("verification").asString()).isEqualTo("VERIFIED");
    assertThat(c.path("grantedScopes").toString()).contains("read");
    assertThat(c.path("accessExpiresAt").isNull()).isFalse();
    assertThat(c.toString()).doesNotContain("client-secret-value");
    List<RecordedRequest> requests = drain();
    assertThat(requests.stream().filter(r -> r.getPath().contains("/token")).findFirst().orElseThrow()
        .getBody().readUtf8()).contains("code_verifier=");

    HttpResponse<String> tampered = browser.send(HttpRequest.newBuilder(
        URI.create(server.url("/oauth/callback?state=forged&code=abc"))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(tampered.statusCode()).isEqualTo(400);
    assertThat(tampered.body()).contains("unknown or was already used");
    HttpResponse<String> denied = browser.send(HttpRequest.newBuilder(
        URI.create(server.url("/oauth/callback?error=access_denied"))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(denied.statusCode()).isEqualTo(400);

    int before = user.get("/api/v1/credentials?provider=acme").json().path("items").size();
    String url = user.post("/api/v1/oauth/acme/start", Map.of()).json().path("authorizationUrl").asString();
    String callback = browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .headers().firstValue("Location").orElseThrow();
    assertThat(browser.send(HttpRequest.newBuilder(URI.create(callback)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    HttpResponse<String> replayed = browser.send(HttpRequest.newBuilder(URI.create(callback)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(replayed.statusCode()).isEqualTo(400);
    assertThat(user.get("/api/v1/credentials?provider=acme").json().path("items").size()).isEqualTo(before + 1);
  }

  @Test
  void scopeMismatchAppearsAndDisappearsAfterReauthorizing() throws Exception {
    if (user.get("/api/v1/credentials?provider=acme").json().path("items").isEmpty()) {
      authorize(Map.of());
    }
    String id = acmeCredential().path("id").asString();
    user.post("/api/v1/credentials/" + id + "/current", Map.of());
    user.post("/api/v1/bundles", Map.of("slug", "acme-bundle", "name", "Acme", "tools", List.of("acme_get_me",
        "acme_create_thing")));
    user.post("/api/v1/bundles/acme-bundle/enable", Map.of());
    JsonNode readiness = user.get("/api/v1/bundles/acme-bundle/readiness").json();
    assertThat(readiness.path("status").asString()).isEqualTo("PARTIAL");
    JsonNode mismatch = readiness.path("tools").get(1);
    assertThat(mismatch.path("reason").asString()).isEqualTo("SCOPE_MISMATCH");
    assertThat(mismatch.path("missingScopes").toString()).contains("write");

    String reauthorize = user.post("/api/v1/oauth/acme/start", Map.of("credential", id)).json()
        .path("authorizationUrl").asString();
    assertThat(reauthorize).contains("scope=openid%20read%20write");
    assertThat(authorize(Map.of("credential", id)).statusCode()).isEqualTo(200);
    assertThat(user.get("/api/v1/credentials/" + id).json().path("grantedScopes").toString()).contains("write");
    assertThat(user.get("/api/v1/bundles/acme-bundle/readiness").json().path("status").asString())
        .isEqualTo("OPERATIONAL");
  }

  @Test
  void fiftyConcurrentCallsWithAnExpiredTokenMakeOneTokenRequest() throws Exception {
    if (user.get("/api/v1/credentials?provider=acme").json().path("items").isEmpty()) {
      authorize(Map.of());
    }
    String id = acmeCredential().path("id").asString();
    user.post("/api/v1/credentials/" + id + "/current", Map.of());
    user.post("/api/v1/bundles", Map.of("slug", "acme-calls", "name", "Acme calls", "tools", List.of("acme_get_me")));
    drain();
    expireAccessToken(id);
    ExecutorService pool = Executors.newFixedThreadPool(50);
    List<Future<JsonNode>> results = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      results.add(pool.submit(() -> new McpCall(server, userToken, "/mcp/bundle/acme-calls")
          .call("acme_get_me", Map.of())));
    }
    for (Future<JsonNode> f : results) {
      assertThat(f.get(60, TimeUnit.SECONDS).path("isError").asBoolean()).isFalse();
    }
    pool.shutdown();
    assertThat(tokenRequests(drain(), "refresh_token")).isEqualTo(1);
  }

}
