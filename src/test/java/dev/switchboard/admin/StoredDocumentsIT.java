package dev.switchboard.admin;

import static dev.switchboard.testing.ExplodingDocuments.BILLION_LAUGHS;
import static dev.switchboard.testing.ExplodingDocuments.HANG_GUARD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A document that explodes is refused at import without being expanded, and stored documents are
 * never parsed again: start-up, refreshes and reloads read the tools the import stored. A bomb
 * stored before the limits existed does not stall start-up; its provider loads without tools.
 */
class StoredDocumentsIT {

  @TempDir
  Path dir;

  @Test
  void theBillionLaughsIsRefusedAtImportWithoutExpandingIt() {
    try (TestServer server = TestServer.sqlite(dir)) {
      Api admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
      Instant start = Instant.now();
      Api.Answer bomb = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "lol",
          "document", BILLION_LAUGHS, "baseUrl", "https://lol.example"));
      assertThat(Duration.between(start, Instant.now())).isLessThan(HANG_GUARD);
      assertThat(bomb.status()).isEqualTo(400);
      assertThat(bomb.errorCode()).isEqualTo("document_too_complex");
      assertThat(bomb.body()).doesNotContain("lol\"").contains("aliases");
      assertThat(admin.get("/api/v1/providers/lol").status()).isEqualTo(404);
    }
  }

  @Test
  void aStoredBombDoesNotStallStartUpAndStoredToolsAreNotParsedAgain() throws Exception {
    String tracker = resource("/openapi/tracker-30.yaml");
    int trackerTools;
    try (TestServer server = TestServer.sqlite(dir)) {
      Api admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
      assertThat(admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "tracker", "document", tracker,
          "baseUrl", "https://tracker.example/api")).status()).isEqualTo(201);
      trackerTools = admin.get("/api/v1/tools?provider=tracker").json().path("items").size();
      assertThat(trackerTools).isGreaterThan(2);
    }
    // as a database written before the limits: a bomb row, and a row from before tools were stored
    exec("INSERT INTO custom_providers (slug, definition, openapi, created_by, updated_at) "
        + "SELECT 'bomb', replace(definition, '\"tracker\"', '\"bomb\"'), ?, 'old', updated_at FROM custom_providers "
        + "WHERE slug = 'tracker'", BILLION_LAUGHS);
    // 2,000 aliases to one 100 KB string: 200 million characters once a Swagger 2.0 import writes it out
    exec("INSERT INTO custom_providers (slug, definition, openapi, created_by, updated_at) "
        + "SELECT 'strings', replace(definition, '\"tracker\"', '\"strings\"'), ?, 'old', updated_at "
        + "FROM custom_providers WHERE slug = 'tracker'", scalarAliasBomb());
    exec("INSERT INTO custom_providers (slug, definition, openapi, created_by, updated_at) "
        + "SELECT 'legacy', replace(definition, '\"tracker\"', '\"legacy\"'), ?, 'old', updated_at FROM custom_providers "
        + "WHERE slug = 'tracker'", tracker);
    // the tracker's document is now unreadable: only its stored tools can bring them back
    exec("UPDATE custom_providers SET openapi = ? WHERE slug = 'tracker'", BILLION_LAUGHS);

    Instant start = Instant.now();
    try (TestServer server = TestServer.sqlite(dir)) {
      assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(20));
      Api user = new Api(server, Cli.userWithToken(server.env(), "reader@example.com"));
      assertThat(new Api(server, null).get("/healthz").status()).isEqualTo(200);
      assertThat(user.get("/api/v1/tools?provider=tracker").json().path("items").size()).isEqualTo(trackerTools);
      assertThat(user.get("/api/v1/tools?provider=legacy").json().path("items").size()).isEqualTo(trackerTools);
      assertThat(user.get("/api/v1/providers/bomb").status()).isEqualTo(200);
      assertThat(user.get("/api/v1/tools?provider=bomb").json().path("items").size()).isZero();
      assertThat(text("SELECT load_error FROM custom_providers WHERE slug = 'bomb'")).contains("too complex");
      assertThat(user.get("/api/v1/tools?provider=strings").json().path("items").size()).isZero();
      assertThat(text("SELECT load_error FROM custom_providers WHERE slug = 'strings'"))
          .contains("too complex").contains("characters");
      assertThat(text("SELECT tools FROM custom_providers WHERE slug = 'legacy'")).contains("legacy_");
      assertThat(text("SELECT load_error FROM custom_providers WHERE slug = 'tracker'")).isNull();

      // a catalog change seen by the refresh poll re-reads the rows, not the documents
      exec("UPDATE custom_providers SET updated_at = updated_at + 1000, openapi = ? WHERE slug = 'legacy'",
          BILLION_LAUGHS);
      Thread.sleep(3_000);
      assertThat(user.get("/api/v1/tools?provider=legacy").json().path("items").size()).isEqualTo(trackerTools);
      assertThat(text("SELECT load_error FROM custom_providers WHERE slug = 'legacy'")).isNull();
    }
  }

  private static String scalarAliasBomb() {
    StringBuilder doc = new StringBuilder("swagger: \"2.0\"\ninfo: {title: s, version: \"1\"}\npaths: {}\n")
        .append("x-s: &s ").append("x".repeat(100_000)).append("\nx-b: [");
    for (int i = 0; i < 2_000; i++) {
      doc.append(i == 0 ? "" : ",").append("*s");
    }
    return doc.append("]\n").toString();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = StoredDocumentsIT.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Connection db() throws Exception {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("switchboard-test.db"));
  }

  private void exec(String sql, String value) throws Exception {
    try (Connection c = db(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, value);
      s.executeUpdate();
    }
  }

  private String text(String sql) throws Exception {
    try (Connection c = db(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : "<no row>";
    }
  }
}
