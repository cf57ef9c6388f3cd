package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.TestDatabases;
import dev.switchboard.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Small hardening items at the HTTP edge: cache and sniffing headers on JSON answers, bodies that
 * repeat a key, Jetty's own error pages in the JSON error shape, a password shown with a fixed mask,
 * and {@code /metrics} behind an optional token.
 */
class EdgeHardeningIT {
  @TempDir
  static Path dir;
  static TestServer server;
  static String token;
  static Api api;

  @BeforeAll
  static void start() {
    server = TestServer.sqlite(dir);
    token = Cli.userWithToken(server.env(), "edges@example.com");
    api = new Api(server, token);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void jsonAnswersAndErrorsAreNeverCachedNorSniffed() {
    for (Api.Answer a : new Api.Answer[] {api.get("/api/v1/bundles"), api.get("/api/v1/bundles/no-such"),
        new Api(server, null).get("/api/v1/bundles"), api.get("/api/v1/no-such-route")}) {
      assertThat(a.raw().headers().firstValue("Cache-Control")).as(a.body()).contains("no-store");
      assertThat(a.raw().headers().firstValue("X-Content-Type-Options")).as(a.body()).contains("nosniff");
    }
  }

  @Test
  void aRequestBodyThatRepeatsAKeyIsRefusedWithItsOwnCode() {
    Api.Answer repeated = api.post("/api/v1/bundles",
        "{\"slug\":\"first-slug\",\"name\":\"One\",\"slug\":\"second-slug\"}");
    assertThat(repeated.status()).isEqualTo(400);
    assertThat(repeated.errorCode()).isEqualTo("duplicate_key");
    assertThat(repeated.json().path("error").path("message").asString()).contains("'slug'")
        .doesNotContain("first-slug").doesNotContain("second-slug");
    assertThat(api.get("/api/v1/bundles/first-slug").status()).isEqualTo(404);
    assertThat(api.get("/api/v1/bundles/second-slug").status()).isEqualTo(404);
  }

  @Test
  void aJsonRpcBodyThatRepeatsAKeyIsAParseError() {
    Api.Answer repeated = api.send(api.builder("/mcp/hub").header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"method\":\"ping\",\"params\":{}}")));
    assertThat(repeated.status()).isEqualTo(400);
    assertThat(repeated.json().path("jsonrpc").asString()).isEqualTo("2.0");
    assertThat(repeated.json().path("error").path("code").asInt()).isEqualTo(-32700);
    assertThat(repeated.json().path("error").path("message").asString()).contains("'method'");
  }

  @Test
  void jettysOwnErrorsForBadHttpLongUrisAndHugeHeadersUseTheJsonErrorShape() throws IOException {
    assertJsonError(raw("GET /api/v1/bundles HTTP/1.1 junk\r\nHost: localhost\r\n\r\n"), 400);
    assertJsonError(raw("G\u0001T / HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400);
    assertJsonError(raw("GET /api/v1/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400);
    assertJsonError(raw("GET /api/v1/bundles HTTP/1.1\r\nHost: localhost\r\nContent-Length: x\r\n\r\n"), 400);
    assertJsonError(raw("GET /api/v1/" + "a".repeat(20 * 1024) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"), 414);
    StringBuilder headers = new StringBuilder();
    for (int i = 0; headers.length() < 64 * 1024; i++) {
      headers.append("X-Filler-").append(i).append(": ").append("b".repeat(1000)).append("\r\n");
    }
    assertJsonError(raw("GET /healthz HTTP/1.1\r\nHost: localhost\r\n" + headers + "\r\n"), 431);
  }

  private static void assertJsonError(String response, int status) {
    assertThat(response).as(response).startsWith("HTTP/1.1 " + status);
    String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
    assertThat(head).contains("content-type: application/json");
    JsonNode body = Api.JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
    assertThat(body.path("error").path("code").asString()).isNotBlank();
    assertThat(body.path("error").path("message").asString()).isNotBlank();
    assertThat(response).doesNotContain("<html").doesNotContain("aaaaaaaaaa").doesNotContain("bbbbbbbbbb");
  }

  /** Sends bytes as they are and reads the answer until the server closes or 2 s pass quietly. */
  private static String raw(String request) throws IOException {
    URI base = URI.create(server.url("/"));
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(2000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      } catch (IOException e) {
        // the server may answer and close before it read everything; its answer is still there
      }
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      try {
        int n;
        while ((n = in.read(buffer)) > 0) {
          answer.write(buffer, 0, n);
          String text = answer.toString(StandardCharsets.ISO_8859_1);
          int end = text.indexOf("\r\n\r\n");
          if (end > 0 && text.endsWith("}}")) {
            break;
          }
        }
      } catch (IOException e) {
        // a reset after the answer: keep what arrived
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void aPostgresPasswordIsShownWithAFixedMaskThatHoldsNoneOfItsCharacters() {
    String password = "Correct-Horse-Battery-9";
    Api.Answer created = api.post("/api/v1/credentials", Map.of("provider", "postgresql",
        "authMethod", "NONE", "label", "Shop", "fields", Map.of("host", "db.example.com", "port", 5432,
            "user", "reader", "password", password, "database", "shop")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String shown = created.json().path("fields").path("password").asString();
    assertThat(shown).isEqualTo("••••••••");
    assertThat(created.json().path("fields").path("user").asString()).isEqualTo("reader");
    String listed = api.get("/api/v1/credentials").body();
    assertThat(listed).contains("••••••••").doesNotContain("Cor").doesNotContain("y-9");
  }

  @Test
  void aPasswordSavedWithTheOldPartialMaskIsShownWithTheFixedOne() throws Exception {
    Api.Answer created = api.post("/api/v1/credentials", Map.of("provider", "postgresql",
        "authMethod", "NONE", "label", "Old", "fields", Map.of("host", "db.example.com", "port", 5432,
            "user", "reader", "password", "Old-Partial-Mask-77", "database", "shop")));
    String id = created.json().path("id").asString();
    try (Connection c = DriverManager.getConnection(
        TestDatabases.sqliteUrl(dir));
        PreparedStatement update = c.prepareStatement(
            "UPDATE credentials SET display_fields = ? WHERE id = ?")) {
      update.setString(1, "{\"host\":\"db.example.com\",\"password\":\"Old…k-77\"}");
      update.setString(2, id);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
    Api.Answer read = api.get("/api/v1/credentials/" + id);
    assertThat(read.json().path("fields").path("password").asString()).isEqualTo("••••••••");
    assertThat(read.json().path("fields").path("host").asString()).isEqualTo("db.example.com");
    assertThat(read.body()).doesNotContain("Old…").doesNotContain("k-77");
  }

  @Test
  void metricsAreOpenByDefaultAndBehindTheTokenWhenOneIsSet(@TempDir Path other) {
    assertThat(new Api(server, null).get("/metrics").status()).isEqualTo(200);
    try (TestServer guarded = TestServer.start(other, Map.of("SWITCHBOARD_METRICS_TOKEN", "scrape-token-123"))) {
      Api.Answer anonymous = new Api(guarded, null).get("/metrics");
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(anonymous.errorCode()).isEqualTo("unauthenticated");
      assertThat(anonymous.body()).doesNotContain("scrape-token-123");
      assertThat(new Api(guarded, "scrape-token-12").get("/metrics").status()).isEqualTo(401);
      assertThat(new Api(guarded, "scrape-token-1234").get("/metrics").status()).isEqualTo(401);
      String user = Cli.userWithToken(guarded.env(), "scraper@example.com");
      assertThat(new Api(guarded, user).get("/metrics").status()).as("an access token is not the metrics token")
          .isEqualTo(401);
      Api.Answer scraped = new Api(guarded, "scrape-token-123").get("/metrics");
      assertThat(scraped.status()).isEqualTo(200);
      assertThat(scraped.body()).contains("switchboard_db_connections_active");
      assertThat(new Api(guarded, null).get("/healthz").status()).isEqualTo(200);
    }
  }
}
