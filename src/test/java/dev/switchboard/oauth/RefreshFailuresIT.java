package dev.switchboard.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Refresh failure modes against a local authorization server that rotates refresh tokens and
 * accepts only the latest one: 100 rotations keep the stored token current; 503 leaves the
 * credential VERIFIED and counts a failure that the next success clears; invalid_grant makes it
 * EXPIRED with a notification; the background sweep refreshes exactly the tokens in its window; an
 * erase revokes the latest refresh token.
 */
class RefreshFailuresIT {
  @TempDir
  static Path dir;
  static LocalHttpServer as;
  static final AtomicReference<String> mode = new AtomicReference<>("ok");
  static final AtomicInteger issued = new AtomicInteger();
  static final AtomicReference<String> latestRefresh = new AtomicReference<>("");
  static final Set<String> validRefresh = ConcurrentHashMap.newKeySet();
  static final List<String> refreshRequests = new CopyOnWriteArrayList<>();
  static final List<String> revoked = new CopyOnWriteArrayList<>();
  static LocalHttpServer upstream;
  static TestServer server;
  static Api user;

  @BeforeAll
  static void start() {
    upstream = LocalHttpServer.start().on("/", LocalHttpServer.answer(200, "{}", "Content-Type", "application/json"));
    as = LocalHttpServer.start()
        .on("/authorize", LocalHttpServer.approvingAuthorization("the-code"))
        .on("/token", RefreshFailuresIT::token)
        .on("/revoke", exchange -> {
          revoked.add(new String(lastBody(), StandardCharsets.UTF_8));
          LocalHttpServer.answer(200, "").handle(exchange);
        });
    server = TestServer.sqlite(dir);
    Api admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
    String api = OAuthLifecycleIT.API.replace("https://acme.example", upstream.url(""));
    Api.Answer imported = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "rotor", "name", "Rotor",
        "document", api, "baseUrl", upstream.url(""), "validationTool", "get_me",
        "authMethods", List.of(Map.of("type", "OAUTH2", "authorizeUrl", as.url("/authorize"),
            "tokenUrl", as.url("/token"), "revokeUrl", as.url("/revoke"), "defaultScopes", List.of("read"),
            "pkce", true))));
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    admin.post("/api/v1/admin/oauth-apps/rotor", Map.of("clientId", "sb", "clientSecret", "shh-secret"));
    user = new Api(server, Cli.userWithToken(server.env(), "rotor@example.com"));
  }

  @AfterAll
  static void stop() {
    server.close();
    as.close();
    upstream.close();
  }

  static byte[] lastBody() {
    List<LocalHttpServer.Recorded> all = as.requests();
    return all.get(all.size() - 1).body();
  }


  static void token(HttpExchange exchange) throws IOException {
    Map<String, String> f = form(new String(lastBody(), StandardCharsets.UTF_8));
    String grant = f.get("grant_type");
    if (grant.equals("refresh_token")) {
      refreshRequests.add(f.get("refresh_token"));
      if (mode.get().equals("busy")) {
        send(exchange, 503, "{\"error\":\"temporarily_unavailable\"}");
        return;
      }
      if (mode.get().equals("broken")) {
        send(exchange, 500, "<html>Internal Server Error</html>");
        return;
      }
      if (mode.get().equals("echo")) {
        String basic = Base64.getEncoder().encodeToString("sb:shh-secret".getBytes(StandardCharsets.UTF_8));
        send(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token "
            + escaped(f.get("refresh_token")) + " is not valid for client Basic " + basic + " (secret "
            + escaped("shh-secret") + ")\"}");
        return;
      }
      if (mode.get().equals("revoked") || !validRefresh.remove(f.get("refresh_token"))) {
        send(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token is not valid\"}");
        return;
      }
    }
    int n = issued.incrementAndGet();
    latestRefresh.set("rt-" + n);
    validRefresh.add("rt-" + n);
    if (mode.get().equals("form")) {
      // GitHub's token endpoint answers like this unless it honours Accept: application/json
      byte[] bytes = ("access_token=at-" + n + "&refresh_token=rt-" + n + "&expires_in=3600&scope=read"
          + "&token_type=bearer").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
      return;
    }
    send(exchange, 200, "{\"access_token\":\"at-" + n + "\",\"refresh_token\":\"rt-" + n
        + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"read\"}");
  }

  /** {@code s} with every character as a JSON backslash-u escape. */
  static String escaped(String s) {
    StringBuilder out = new StringBuilder();
    s.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
    return out.toString();
  }

  static void send(HttpExchange exchange, int status, String body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static Map<String, String> form(String raw) {
    Map<String, String> out = new HashMap<>();
    for (String pair : (raw == null ? "" : raw).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  static String connect() throws Exception {
    String url = user.post("/api/v1/oauth/rotor/start", Map.of()).json().path("authorizationUrl").asString();
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String callback = browser.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString()).headers().firstValue("Location").orElseThrow();
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(callback)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return user.get("/api/v1/credentials?provider=rotor").json().path("items").get(0).path("id").asString();
  }

  static long expiryNotifications() {
    List<String> kinds = new ArrayList<>();
    user.get("/api/v1/notifications?limit=200").json().path("items")
        .forEach(n -> kinds.add(n.path("kind").asString()));
    return kinds.stream().filter("CREDENTIAL_EXPIRED"::equals).count();
  }

  static long sql(String query) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("switchboard-test.db"));
        ResultSet rs = c.createStatement().executeQuery(query)) {
      return rs.next() ? rs.getLong(1) : -1;
    }
  }

  static void exec(String update) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("switchboard-test.db"))) {
      c.createStatement().executeUpdate(update);
    }
  }

  @Test
  void rotationTransientAndPermanentFailuresAndRevocation() throws Exception {
    mode.set("ok");
    String id = connect();
    for (int i = 0; i < 100; i++) {
      JsonNode after = user.post("/api/v1/credentials/" + id + "/refresh", Map.of()).json();
      assertThat(after.path("verification").asString()).as("cycle " + i).isEqualTo("VERIFIED");
    }
    assertThat(refreshRequests.get(refreshRequests.size() - 1)).isEqualTo("rt-" + (issued.get() - 1));

    mode.set("busy");
    Api.Answer busy = user.post("/api/v1/credentials/" + id + "/refresh", Map.of());
    assertThat(busy.status()).isEqualTo(502);
    assertThat(busy.errorCode()).isEqualTo("token_endpoint_failed");
    assertThat(user.get("/api/v1/credentials/" + id).json().path("verification").asString()).isEqualTo("VERIFIED");
    assertThat(sql("SELECT refresh_failures FROM credentials WHERE id = '" + id + "'")).isEqualTo(1);
    assertThat(sql("SELECT next_refresh_at FROM credentials WHERE id = '" + id + "'"))
        .isGreaterThan(System.currentTimeMillis());
    mode.set("ok");
    user.post("/api/v1/credentials/" + id + "/refresh", Map.of());
    assertThat(sql("SELECT refresh_failures FROM credentials WHERE id = '" + id + "'")).isZero();

    long expiriesBefore = expiryNotifications();
    mode.set("revoked");
    JsonNode expired = user.post("/api/v1/credentials/" + id + "/refresh", Map.of()).json();
    assertThat(expired.path("verification").asString()).isEqualTo("EXPIRED");
    // besides the expiry there may be one saying which credential took over as current
    assertThat(expiryNotifications()).isEqualTo(expiriesBefore + 1);

    String latest = latestRefresh.get();
    assertThat(user.delete("/api/v1/credentials/" + id).status()).isEqualTo(204);
    assertThat(revoked).anyMatch(body -> body.contains("token=" + latest) && body.contains("refresh_token"));
  }

  @Test
  void aTokenEndpointQuotingTheRefreshTokenAndClientSecretLeavesNeitherInTheMessageOrNotification()
      throws Exception {
    mode.set("ok");
    String id = connect();
    String refreshToken = latestRefresh.get();
    mode.set("echo");
    JsonNode expired = user.post("/api/v1/credentials/" + id + "/refresh", Map.of()).json();
    mode.set("ok");

    assertThat(expired.path("verification").asString()).isEqualTo("EXPIRED");
    String basic = Base64.getEncoder().encodeToString("sb:shh-secret".getBytes(StandardCharsets.UTF_8));
    String message = expired.path("verificationMessage").asString();
    assertThat(message).contains("invalid_grant").contains("[redacted]")
        .doesNotContain(refreshToken).doesNotContain("shh-secret").doesNotContain(basic);
    String notifications = user.get("/api/v1/notifications").body();
    assertThat(notifications).doesNotContain(refreshToken).doesNotContain("shh-secret").doesNotContain(basic);
  }

  @Test
  void aForcedRefreshWhileTheTokenEndpointAnswers500SaysSoLeavesTheCredentialAndAuditsTheUser() throws Exception {
    mode.set("ok");
    String id = connect();
    JsonNode before = user.get("/api/v1/credentials/" + id).json();
    mode.set("broken");
    Api.Answer broken = user.post("/api/v1/credentials/" + id + "/refresh", Map.of());
    mode.set("ok");

    assertThat(broken.status()).isEqualTo(502);
    assertThat(broken.errorCode()).isEqualTo("token_endpoint_failed");
    assertThat(broken.json().path("error").path("message").asString())
        .contains("token endpoint").contains("500").contains("unchanged");
    JsonNode after = user.get("/api/v1/credentials/" + id).json();
    assertThat(after.path("verification").asString()).isEqualTo("VERIFIED");
    assertThat(after.path("accessExpiresAt")).isEqualTo(before.path("accessExpiresAt"));

    exec("UPDATE credentials SET next_refresh_at = NULL WHERE id = '" + id + "'");
    assertThat(user.post("/api/v1/credentials/" + id + "/refresh", Map.of()).status()).isEqualTo(200);
    JsonNode refreshed = null;
    for (JsonNode event : user.get("/api/v1/audit?credential=" + id).json().path("items")) {
      if (event.path("action").asString().equals("REFRESHED")) {
        refreshed = event;
        break;
      }
    }
    assertThat(refreshed).as("a REFRESHED audit event").isNotNull();
    assertThat(refreshed.path("actor").asString()).isNotEqualTo("switchboard")
        .isEqualTo(refreshed.path("userId").asString());
  }

  @Test
  void aTokenEndpointAnsweringInFormEncodingIsUnderstood() throws Exception {
    mode.set("form");
    String id = connect();
    JsonNode connected = user.get("/api/v1/credentials/" + id).json();
    assertThat(connected.path("verification").asString()).isEqualTo("VERIFIED");
    assertThat(connected.path("grantedScopes").toString()).contains("read");
    int n = issued.get();
    assertThat(upstream.requests().get(upstream.requests().size() - 1).header("authorization"))
        .isEqualTo("Bearer at-" + n);

    JsonNode refreshed = user.post("/api/v1/credentials/" + id + "/refresh", Map.of()).json();
    mode.set("ok");
    assertThat(refreshed.path("verification").asString()).isEqualTo("VERIFIED");
    assertThat(issued.get()).isEqualTo(n + 1);
    assertThat(refreshRequests.get(refreshRequests.size() - 1)).isEqualTo("rt-" + n);
    assertThat(user.post("/api/v1/credentials/" + id + "/verify", Map.of()).status()).isEqualTo(200);
    assertThat(upstream.requests().get(upstream.requests().size() - 1).header("authorization"))
        .isEqualTo("Bearer at-" + (n + 1));
  }

  @Test
  void theSweepRefreshesExactlyTheTokensInsideItsWindow() throws Exception {
    mode.set("ok");
    String inside = connect();
    // connecting again re-authorizes the profile of the same name: rename it to get a second one
    assertThat(user.patch("/api/v1/credentials/" + inside, Map.of("label", "Inside")).status()).isEqualTo(200);
    String outside = connect();
    assertThat(outside).isNotEqualTo(inside);
    long now = System.currentTimeMillis();
    exec("UPDATE credentials SET access_expires_at = " + (now + 3_600_000L) + " WHERE id = '" + inside + "'");
    exec("UPDATE credentials SET access_expires_at = " + (now + 48 * 3_600_000L) + " WHERE id = '" + outside + "'");
    exec("UPDATE credentials SET access_expires_at = " + (now + 48 * 3_600_000L)
        + " WHERE auth_method = 'OAUTH2' AND id NOT IN ('" + inside + "', '" + outside + "')");
    int before = refreshRequests.size();
    int refreshed = server.running().app().refreshSweep().run();
    assertThat(refreshed).isEqualTo(1);
    assertThat(refreshRequests.size() - before).isEqualTo(1);
    assertThat(sql("SELECT access_expires_at FROM credentials WHERE id = '" + inside + "'"))
        .isGreaterThan(now + 3_000_000L);
  }
}
