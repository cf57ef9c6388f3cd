package dev.switchboard.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.store.Dialect;
import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.TestDatabases;
import dev.switchboard.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * On SQLite ({@link BundleFeaturesPostgresIT} runs the same on PostgreSQL): the features a bundle
 * offers besides tools (resources, prompts, logging) are stored, read back, changed one at a time
 * and checked field by field through the API; a bundle written before V15 offers all of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundleFeaturesIT {
  private TestServer server;
  private Api owner;
  private Api other;

  /** The database: a URL, user and password, and its dialect. */
  record Db(String url, String user, Dialect dialect) {}

  Db database(Path dir) {
    return new Db(TestDatabases.sqliteUrl(dir), "", Dialect.SQLITE);
  }

  @BeforeAll
  void start() throws IOException {
    Path dir = Files.createTempDirectory("switchboard-bundle-features");
    Db db = database(dir);
    // a bundle written by the version before V15
    Flyway before = Flyway.configure().dataSource(db.url(), db.user(), db.user())
        .locations("classpath:" + db.dialect().migrations(), "classpath:" + Dialect.COMMON_MIGRATIONS)
        .target("14").load();
    before.migrate();
    try (Connection c = before.getConfiguration().getDataSource().getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO users (id, email, password_hash, created_at) VALUES "
          + "('u-old', 'old@example.com', 'x', 0)");
      s.executeUpdate("INSERT INTO bundles (id, slug, owner_id, name, description, publication, mode, created_at, "
          + "updated_at) VALUES ('bdl-old', 'older', 'u-old', 'Older', '', 'PUBLISHED', 'DIRECT', 0, 0)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    server = TestServer.start(dir, Map.of("SWITCHBOARD_DB_URL", db.url(), "SWITCHBOARD_DB_USER", db.user(),
        "SWITCHBOARD_DB_PASSWORD", db.user()));
    owner = new Api(server, Cli.userWithToken(server.env(), "owner@example.com"));
    other = new Api(server, Cli.userWithToken(server.env(), "other@example.com"));
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String features(JsonNode bundle) {
    JsonNode f = bundle.path("features");
    return "resources=" + f.path("resources").asBoolean() + " prompts=" + f.path("prompts").asBoolean()
        + " logging=" + f.path("logging").asBoolean();
  }

  @Test
  void aBundleMadeBeforeTheChoiceOffersEveryFeature() {
    Api.Answer older = owner.get("/api/v1/bundles/older");
    assertThat(older.status()).as(older.body()).isEqualTo(200);
    assertThat(features(older.json())).isEqualTo("resources=true prompts=true logging=true");
  }

  @Test
  void aNewBundleOffersEverythingUnlessItSaysOtherwiseAndAChangeTouchesOnlyTheFeaturesNamed() {
    Api.Answer plain = owner.post("/api/v1/bundles", Map.of("slug", "plain", "name", "Plain",
        "tools", List.of("calculator_add")));
    assertThat(plain.status()).as(plain.body()).isEqualTo(201);
    assertThat(features(plain.json())).isEqualTo("resources=true prompts=true logging=true");

    Api.Answer chosen = owner.post("/api/v1/bundles", Map.of("slug", "chosen", "name", "Chosen",
        "tools", List.of("calculator_add"), "features", Map.of("prompts", false)));
    assertThat(chosen.status()).as(chosen.body()).isEqualTo(201);
    assertThat(features(chosen.json())).isEqualTo("resources=true prompts=false logging=true");
    assertThat(features(owner.get("/api/v1/bundles/chosen").json()))
        .isEqualTo("resources=true prompts=false logging=true");

    Api.Answer patched = owner.patch("/api/v1/bundles/chosen", Map.of("features", Map.of("logging", false)));
    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    assertThat(features(patched.json())).isEqualTo("resources=true prompts=false logging=false");
    Api.Answer renamed = owner.patch("/api/v1/bundles/chosen", Map.of("name", "Renamed"));
    assertThat(features(renamed.json())).isEqualTo("resources=true prompts=false logging=false");
    Api.Answer again = owner.patch("/api/v1/bundles/chosen", Map.of("features",
        Map.of("resources", false, "prompts", true, "logging", true)));
    assertThat(features(again.json())).isEqualTo("resources=false prompts=true logging=true");
    JsonNode listed = null;
    for (JsonNode b : owner.get("/api/v1/bundles").json().path("items")) {
      if (b.path("slug").asString().equals("chosen")) {
        listed = b;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(features(listed)).isEqualTo("resources=false prompts=true logging=true");
  }

  @Test
  void badFeatureChoicesAreRefusedByNameAndChangeNothing() {
    assertThat(owner.post("/api/v1/bundles", Map.of("slug", "careful", "name", "Careful",
        "features", Map.of("logging", false))).status()).isEqualTo(201);

    Api.Answer completions = owner.patch("/api/v1/bundles/careful", Map.of("name", "Changed",
        "features", Map.of("completions", false, "resources", false)));
    assertThat(completions.status()).isEqualTo(400);
    assertThat(completions.json().path("error").path("fields").path("features.completions").asString())
        .contains("completions are offered for the prompts and resources");
    Api.Answer wrongType = owner.patch("/api/v1/bundles/careful", Map.of("features", Map.of("prompts", "no")));
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.json().path("error").path("message").asString()).contains("features.prompts");
    Api.Answer unknown = owner.patch("/api/v1/bundles/careful", Map.of("features", Map.of("tools", false)));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("error").path("message").asString()).contains("features.tools");
    Api.Answer notAnObject = owner.post("/api/v1/bundles", Map.of("slug", "careless", "name", "Careless",
        "features", List.of("resources")));
    assertThat(notAnObject.status()).isEqualTo(400);
    assertThat(notAnObject.json().path("error").path("message").asString()).contains("features");
    assertThat(owner.get("/api/v1/bundles/careless").status()).isEqualTo(404);

    JsonNode unchanged = owner.get("/api/v1/bundles/careful").json();
    assertThat(unchanged.path("name").asString()).isEqualTo("Careful");
    assertThat(features(unchanged)).isEqualTo("resources=true prompts=true logging=false");

    Api.Answer theirs = other.patch("/api/v1/bundles/careful", Map.of("features", Map.of("logging", true)));
    Api.Answer missing = other.patch("/api/v1/bundles/no-such-bundle", Map.of("features", Map.of("logging", true)));
    assertThat(theirs.status()).isEqualTo(404);
    assertThat(theirs.body()).isEqualTo(missing.body());
    assertThat(features(owner.get("/api/v1/bundles/careful").json()))
        .isEqualTo("resources=true prompts=true logging=false");
  }
}
