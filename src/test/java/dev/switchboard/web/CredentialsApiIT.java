package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The credentials API against a real server and database (DESIGN.md §4, §7). */
class CredentialsApiIT {
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

  /** Profile names are unique per user and provider, so each credential gets its own. */
  static final AtomicInteger LABELS = new AtomicInteger();

  static JsonNode create(Api api, String provider, String method, Map<String, Object> fields) {
    Api.Answer a = api.post("/api/v1/credentials", Map.of("provider", provider, "authMethod", method,
        "label", "Work " + LABELS.incrementAndGet(), "fields", fields));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return a.json();
  }

  @Test
  void createApiKeyCredentialStartsActiveUnverifiedNotCurrentAndMasked() {
    JsonNode c = create(alice, "openai", "API_KEY", Map.of("api_key", "sk-live-0123456789abcdef4f2a"));
    assertThat(c.path("id").asString()).startsWith("cred_");
    assertThat(c.path("status").asString()).isEqualTo("ACTIVE");
    assertThat(c.path("verification").asString()).isEqualTo("UNVERIFIED");
    assertThat(c.path("current").asBoolean()).as("only a VERIFIED credential is current").isFalse();
    assertThat(c.path("authMethod").asString()).isEqualTo("API_KEY");
    assertThat(c.path("fields").path("api_key").asString()).isEqualTo("sk-…4f2a");
    assertThat(c.toString()).doesNotContain("0123456789abcdef");
  }

  @Test
  void bearerNoneAndSchemaDrivenCredentialsAreAccepted() {
    create(alice, "github", "BEARER", Map.of("token", "ghp_abcdefghijklmnopqrstuvwxyz"));
    JsonNode none = create(alice, "open-meteo", "NONE", Map.of());
    assertThat(none.path("fields").size()).isZero();
    JsonNode jira = create(alice, "jira-cloud", "API_KEY", Map.of(
        "instance_url", "https://acme.atlassian.net", "email", "me@acme.com",
        "api_key", "jira-token-abcdefghijklmnop"));
    assertThat(jira.path("fields").path("instance_url").asString()).isEqualTo("https://acme.atlassian.net");
    assertThat(jira.path("fields").path("api_key").asString()).doesNotContain("abcdefghijklmnop");
  }

  @Test
  void schemaFieldsAreValidatedWithOneMessagePerField() {
    Api.Answer a = alice.post("/api/v1/credentials", Map.of("provider", "jira-cloud",
        "authMethod", "API_KEY", "fields", Map.of("instance_url", "not a url", "bogus", "x")));
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.errorCode()).isEqualTo("invalid_fields");
    JsonNode fields = a.json().path("error").path("fields");
    assertThat(fields.has("fields.instance_url")).isTrue();
    assertThat(fields.has("fields.email")).isTrue();
    assertThat(fields.has("fields.api_key")).isTrue();
    assertThat(fields.has("fields.bogus")).isTrue();
  }

  @Test
  void aGrantsOwnFieldsAreRequiredEvenWhereASharedSchemaMarksThemOptional() {
    // ServiceNow's schema is shared by Basic (username, password) and client credentials: all optional there
    Api.Answer grant = alice.post("/api/v1/credentials", Map.of("provider", "servicenow",
        "authMethod", "CLIENT_CREDENTIALS", "fields", Map.of("instance", "dev12345", "client_id", " ")));
    assertThat(grant.status()).as(grant.body()).isEqualTo(400);
    assertThat(grant.errorCode()).isEqualTo("invalid_fields");
    JsonNode fields = grant.json().path("error").path("fields");
    assertThat(fields.path("fields.client_id").asString()).isEqualTo("is required for CLIENT_CREDENTIALS");
    assertThat(fields.path("fields.client_secret").asString()).isEqualTo("is required for CLIENT_CREDENTIALS");
    assertThat(fields.has("fields.instance")).isFalse();
    assertThat(alice.get("/api/v1/credentials?provider=servicenow").json().path("items")).isEmpty();
    // and Basic needs its user name the same way
    Api.Answer basic = alice.post("/api/v1/credentials", Map.of("provider", "servicenow",
        "authMethod", "API_KEY", "fields", Map.of("instance", "dev12345", "api_key", "pw")));
    assertThat(basic.status()).as(basic.body()).isEqualTo(400);
    assertThat(basic.json().path("error").path("fields").path("fields.username").asString())
        .isEqualTo("is required for API_KEY");

    // the same schema with Basic still takes what Basic needs, and a complete grant is saved
    Api.Answer complete = alice.post("/api/v1/credentials", Map.of("provider", "servicenow",
        "authMethod", "CLIENT_CREDENTIALS", "fields", Map.of("instance", "dev12345", "client_id", "sn-client",
            "client_secret", "sn-s3cr3t")));
    assertThat(complete.status()).as(complete.body()).isEqualTo(201);

    Api.Answer jwt = alice.post("/api/v1/credentials", Map.of("provider", "google-cloud",
        "authMethod", "JWT_GRANT", "fields", Map.of()));
    assertThat(jwt.status()).as(jwt.body()).isEqualTo(400);
    assertThat(jwt.json().path("error").path("fields").has("fields.service_account")).isTrue();
  }

  @Test
  void unknownProviderAndUnsupportedMethodAreNamed() {
    Api.Answer unknown = alice.post("/api/v1/credentials",
        Map.of("provider", "nope", "authMethod", "API_KEY", "fields", Map.of()));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("error").path("fields").has("provider")).isTrue();
    Api.Answer method = alice.post("/api/v1/credentials",
        Map.of("provider", "open-meteo", "authMethod", "API_KEY", "fields", Map.of("api_key", "x")));
    assertThat(method.status()).isEqualTo(400);
    assertThat(method.json().path("error").path("fields").has("authMethod")).isTrue();
  }

  @Test
  void renameDisableEnableAndDeleteFollowTheRules() {
    String first = create(alice, "stripe", "API_KEY", Map.of("api_key", "sk_test_aaaaaaaaaaaaaaaa")).path("id").asString();
    String second = create(alice, "stripe", "API_KEY", Map.of("api_key", "sk_test_bbbbbbbbbbbbbbbb")).path("id").asString();
    assertThat(alice.get("/api/v1/credentials/" + second).json().path("current").asBoolean()).isFalse();

    Api.Answer renamed = alice.patch("/api/v1/credentials/" + first, Map.of("label", "Production"));
    assertThat(renamed.json().path("label").asString()).isEqualTo("Production");

    Api.Answer unverified = alice.post("/api/v1/credentials/" + second + "/current", Map.of());
    assertThat(unverified.status()).isEqualTo(409);
    assertThat(unverified.errorCode()).isEqualTo("credential_not_verified");
    assertThat(alice.get("/api/v1/credentials/" + first).json().path("current").asBoolean()).isFalse();

    Api.Answer disabled = alice.post("/api/v1/credentials/" + second + "/disable", Map.of());
    assertThat(disabled.json().path("status").asString()).isEqualTo("DISABLED");
    assertThat(disabled.json().path("current").asBoolean()).isFalse();
    Api.Answer refused = alice.post("/api/v1/credentials/" + second + "/current", Map.of());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("credential_disabled");

    Api.Answer enabled = alice.post("/api/v1/credentials/" + second + "/enable", Map.of());
    assertThat(enabled.json().path("status").asString()).isEqualTo("ACTIVE");

    assertThat(alice.delete("/api/v1/credentials/" + first).status()).isEqualTo(204);
    assertThat(alice.get("/api/v1/credentials/" + first).status()).isEqualTo(404);
  }

  @Test
  void listFiltersAndPages() {
    for (int i = 0; i < 5; i++) {
      create(alice, "sendgrid", "API_KEY", Map.of("api_key", "SG.key-number-" + i + "-abcdefgh"));
    }
    Api.Answer page1 = alice.get("/api/v1/credentials?provider=sendgrid&limit=3");
    assertThat(page1.json().path("items").size()).isEqualTo(3);
    String next = page1.json().path("next").asString();
    Api.Answer page2 = alice.get("/api/v1/credentials?provider=sendgrid&limit=3&cursor=" + next);
    assertThat(page2.json().path("items").size()).isEqualTo(2);
    assertThat(page2.json().path("next").isNull()).isTrue();
    assertThat(alice.get("/api/v1/credentials?cursor=garbage!").status()).isEqualTo(400);
    assertThat(alice.get("/api/v1/credentials?status=WRONG").status()).isEqualTo(400);
    assertThat(alice.get("/api/v1/credentials?verification=UNVERIFIED&provider=sendgrid")
        .json().path("items").size()).isEqualTo(5);
  }

  @Test
  void providersCarryTheCallersConnectionState() {
    create(bob, "hubspot", "API_KEY", Map.of("api_key", "pat-na1-0000000000000000"));
    assertThat(bob.get("/api/v1/providers/hubspot").json().path("connectionState").asString())
        .isEqualTo("UNVERIFIED");
    assertThat(alice.get("/api/v1/providers/hubspot").json().path("connectionState").asString())
        .isEqualTo("NONE");
    JsonNode devTools = alice.get("/api/v1/providers?category=DEVELOPER_TOOLS").json().path("items");
    assertThat(devTools.size()).isGreaterThan(0);
    devTools.forEach(p -> assertThat(p.path("category").asString()).isEqualTo("DEVELOPER_TOOLS"));
    assertThat(alice.get("/api/v1/providers?q=weather").json().path("items").toString()).contains("open-meteo");
    assertThat(alice.get("/api/v1/providers/nope").status()).isEqualTo(404);
  }
}
