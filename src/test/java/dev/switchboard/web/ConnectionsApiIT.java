package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/connections} (seed "Connections & Profiles"): a profile lists every bundle it
 * serves, names are unique per user and provider, revoking answers the bundles affected, and
 * another user's profile answers 404 like a missing one.
 */
class ConnectionsApiIT {
  @TempDir
  static Path dir;
  static TestServer server;
  static Api alice;
  static Api bob;

  @BeforeAll
  static void start() {
    server = TestServer.sqlite(dir);
    alice = new Api(server, Cli.userWithToken(server.env(), "alice@example.com"));
    bob = new Api(server, Cli.userWithToken(server.env(), "bob@example.com"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String profile(Api api, String label) {
    Api.Answer a = api.post("/api/v1/credentials?verify=true", Map.of("provider", "calculator",
        "authMethod", "NONE", "label", label));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return a.json().path("id").asString();
  }

  static void bundle(Api api, String slug, String... tools) {
    Api.Answer a = api.post("/api/v1/bundles", Map.of("slug", slug, "name", slug.toUpperCase(), "tools", List.of(tools)));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
  }

  static JsonNode find(JsonNode items, String id) {
    for (JsonNode p : items) {
      if (p.path("id").asString().equals(id)) {
        return p;
      }
    }
    throw new AssertionError(id + " not in " + items);
  }

  @Test
  void aProfileListsEveryBundleItServesAndRevokingNamesThem() {
    String maths = profile(alice, "Maths");
    bundle(alice, "sums", "calculator_add");
    bundle(alice, "products", "calculator_multiply");

    JsonNode p = find(alice.get("/api/v1/connections").json().path("items"), maths);
    assertThat(p.path("name").asString()).isEqualTo("Maths");
    assertThat(p.path("service").asString()).isEqualTo("Calculator — No authentication");
    assertThat(p.path("account").asString()).isEqualTo("Configured");
    assertThat(p.path("status").asString()).isEqualTo("ACTIVE");
    assertThat(p.path("partialGrant").asBoolean()).isFalse();
    List<String> bundles = new ArrayList<>();
    p.path("connections").forEach(c -> {
      bundles.add(c.path("bundle").asString());
      assertThat(c.path("service").asString()).isEqualTo("Calculator — No authentication");
      assertThat(c.path("status").asString()).isEqualTo("ACTIVE");
      assertThat(c.path("readiness").asString()).isEqualTo("OPERATIONAL");
    });
    assertThat(bundles).containsExactlyInAnyOrder("sums", "products");
    assertThat(alice.get("/api/v1/connections/" + maths).json().path("connections").size()).isEqualTo(2);

    Api.Answer revoked = alice.delete("/api/v1/connections/" + maths);
    assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
    assertThat(revoked.json().path("revoked").path("name").asString()).isEqualTo("Maths");
    List<String> affected = new ArrayList<>();
    revoked.json().path("bundlesAffected").forEach(b -> {
      affected.add(b.path("slug").asString());
      assertThat(b.path("readiness").asString()).isEqualTo("BLOCKED");
    });
    assertThat(affected).containsExactlyInAnyOrder("sums", "products");
    assertThat(alice.get("/api/v1/connections/" + maths).status()).isEqualTo(404);
    assertThat(alice.get("/api/v1/credentials/" + maths).status()).isEqualTo(404);
  }

  @Test
  void profileNamesAreUniquePerUserAndProvider() {
    String first = profile(alice, "Unique");
    Api.Answer duplicate = alice.post("/api/v1/credentials", Map.of("provider", "calculator",
        "authMethod", "NONE", "label", "unique"));
    assertThat(duplicate.status()).isEqualTo(400);
    assertThat(duplicate.json().path("error").path("fields").path("label").asString())
        .contains("a profile named 'Unique' already exists for Calculator");
    String other = profile(alice, "Other");
    Api.Answer renamed = alice.patch("/api/v1/credentials/" + other, Map.of("label", "Unique"));
    assertThat(renamed.status()).isEqualTo(400);
    assertThat(renamed.body()).contains("already exists");
    assertThat(alice.patch("/api/v1/credentials/" + first, Map.of("label", "UNIQUE")).status())
        .as("renaming a profile to its own name in other letters").isEqualTo(200);
    // another user, or another provider, may use the name
    assertThat(bob.post("/api/v1/credentials", Map.of("provider", "calculator", "authMethod", "NONE",
        "label", "Unique")).status()).isEqualTo(201);
    assertThat(alice.post("/api/v1/credentials", Map.of("provider", "open-meteo", "authMethod", "NONE",
        "label", "Unique")).status()).isEqualTo(201);
    // without a name, a free one is made up
    JsonNode unnamed = alice.post("/api/v1/credentials", Map.of("provider", "open-meteo", "authMethod", "NONE")).json();
    JsonNode unnamedAgain = alice.post("/api/v1/credentials", Map.of("provider", "open-meteo", "authMethod", "NONE")).json();
    assertThat(unnamedAgain.path("label").asString()).isNotEqualTo(unnamed.path("label").asString());
  }

  @Test
  void anotherUsersProfileAnswers404LikeAMissingOne() {
    String mine = profile(alice, "Private");
    Api.Answer peek = bob.get("/api/v1/connections/" + mine);
    Api.Answer missing = bob.get("/api/v1/connections/cred_missing");
    assertThat(peek.status()).isEqualTo(404);
    assertThat(peek.body()).isEqualTo(missing.body());
    assertThat(bob.delete("/api/v1/connections/" + mine).status()).isEqualTo(404);
    assertThat(bob.get("/api/v1/connections").json().path("items").toString()).doesNotContain(mine);
    assertThat(alice.get("/api/v1/connections/" + mine).status()).isEqualTo(200);
  }
}
