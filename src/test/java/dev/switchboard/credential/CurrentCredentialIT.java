package dev.switchboard.credential;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The current-credential rule with the real app and a local upstream that starts rejecting keys
 * mid-test (docs/credentials.md): a saved, unverified credential is never current and cannot be
 * made current; when the current one fails re-validation the most recently verified other one takes
 * over and the owner is notified; when none is left the provider is not shown connected.
 */
class CurrentCredentialIT {
  @TempDir
  static Path dir;
  static LocalHttpServer upstream;
  /** Bearer keys the upstream rejects with 401; everything else is answered 200. */
  static final Set<String> rejected = ConcurrentHashMap.newKeySet();
  static TestServer server;
  static Api api;
  static Api other;

  @BeforeAll
  static void start() {
    upstream = LocalHttpServer.start().on("/", CurrentCredentialIT::models);
    server = TestServer.start(dir, Map.of("SWITCHBOARD_PROVIDER_OPENAI_BASE_URL", upstream.url("")));
    api = new Api(server, Cli.userWithToken(server.env(), "current@example.com"));
    other = new Api(server, Cli.userWithToken(server.env(), "someone-else@example.com"));
  }

  @AfterAll
  static void stop() {
    server.close();
    upstream.close();
  }

  static void models(HttpExchange exchange) throws IOException {
    String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
    if (rejected.stream().anyMatch(key -> auth.equals("Bearer " + key))) {
      LocalHttpServer.answer(401, "{\"error\":{\"message\":\"Incorrect API key\"}}",
          "Content-Type", "application/json").handle(exchange);
      return;
    }
    LocalHttpServer.answer(200, "{\"data\":[]}", "Content-Type", "application/json").handle(exchange);
  }

  static String save(String key, String label) {
    Api.Answer a = api.post("/api/v1/credentials",
        Map.of("provider", "openai", "authMethod", "API_KEY", "label", label, "fields", Map.of("api_key", key)));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return a.json().path("id").asString();
  }

  static JsonNode verify(String id) {
    Api.Answer a = api.post("/api/v1/credentials/" + id + "/verify", Map.of());
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.json();
  }

  static boolean current(String id) {
    return api.get("/api/v1/credentials/" + id).json().path("current").asBoolean();
  }

  static String state() {
    return api.get("/api/v1/providers/openai").json().path("connectionState").asString();
  }

  static JsonNode listModels() {
    JsonNode items = api.get("/api/v1/tools?provider=openai").json().path("items");
    for (JsonNode t : items) {
      if (t.path("name").asString().equals("openai_list_models")) {
        return t;
      }
    }
    throw new AssertionError("openai_list_models is not listed: " + items);
  }

  static List<String> notificationKinds() {
    List<String> kinds = new ArrayList<>();
    api.get("/api/v1/notifications").json().path("items").forEach(n -> kinds.add(n.path("kind").asString()));
    return kinds;
  }

  @Test
  void aFailingCurrentCredentialHandsOverToTheLastVerifiedOneAndTheOwnerIsTold() {
    String work = save("sk-work-key-0000000001", "Work");
    assertThat(current(work)).as("an unverified credential is never current").isFalse();
    assertThat(state()).isEqualTo("UNVERIFIED");
    assertThat(listModels().path("reason").asString()).isEqualTo("UNVERIFIED");
    Api.Answer refused = api.post("/api/v1/credentials/" + work + "/current", Map.of());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("credential_not_verified");
    assertThat(refused.json().path("error").path("message").asString()).contains("VERIFIED");

    assertThat(verify(work).path("current").asBoolean()).isTrue();
    String backup = save("sk-backup-key-000000002", "Backup");
    assertThat(verify(backup).path("current").asBoolean()).as("the last verified one is current").isTrue();
    assertThat(api.post("/api/v1/credentials/" + work + "/current", Map.of()).status()).isEqualTo(200);
    assertThat(state()).isEqualTo("CONNECTED");

    rejected.add("sk-work-key-0000000001");
    JsonNode failed = verify(work);
    assertThat(failed.path("verification").asString()).isEqualTo("ERROR");
    assertThat(failed.path("current").asBoolean()).isFalse();
    assertThat(current(backup)).as("the most recently verified other credential took over").isTrue();
    assertThat(state()).isEqualTo("CONNECTED");
    assertThat(listModels().path("available").asBoolean()).isTrue();
    assertThat(notificationKinds()).containsExactly("CURRENT_CREDENTIAL_REPLACED");
    JsonNode told = api.get("/api/v1/notifications").json().path("items").get(0);
    assertThat(told.path("title").asString()).contains("Backup");
    assertThat(told.path("message").asString()).contains("Work").contains("failed validation")
        .doesNotContain("sk-work-key");
    assertThat(api.post("/api/v1/credentials/" + work + "/current", Map.of()).errorCode())
        .isEqualTo("credential_not_verified");

    rejected.add("sk-backup-key-000000002");
    verify(backup);
    assertThat(current(backup)).isFalse();
    assertThat(current(work)).isFalse();
    assertThat(state()).as("never connected without a usable credential").isEqualTo("ERROR");
    assertThat(listModels().path("available").asBoolean()).isFalse();
    assertThat(listModels().path("reason").asString()).isEqualTo("ERROR");
    assertThat(notificationKinds()).containsExactly("NO_USABLE_CREDENTIAL", "CURRENT_CREDENTIAL_REPLACED");

    rejected.remove("sk-work-key-0000000001");
    assertThat(verify(work).path("current").asBoolean()).as("verifying again makes it current").isTrue();
    assertThat(state()).isEqualTo("CONNECTED");
    assertThat(other.post("/api/v1/credentials/" + work + "/current", Map.of()).status()).isEqualTo(404);
  }

  @Test
  void onlyReadOnlyToolsAreOfferedForValidationAndAWriteToolIsRefused() {
    // another user, so that this credential does not change the connection state the other test sees
    String id = other.post("/api/v1/credentials", Map.of("provider", "openai", "authMethod", "API_KEY",
        "label", "Picker", "fields", Map.of("api_key", "sk-picker-key-00000003"))).json().path("id").asString();
    Api.Answer listed = other.get("/api/v1/credentials/" + id + "/validation-tools");
    assertThat(listed.status()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    listed.json().path("items").forEach(t -> names.add(t.path("localName").asString()));
    assertThat(names).first().isEqualTo("list_models");
    assertThat(listed.json().path("items").get(0).path("isDefault").asBoolean()).isTrue();
    assertThat(names).contains("get_model").doesNotContain("create_chat_completion", "create_embedding",
        "create_image", "create_moderation", "create_response");

    int before = upstream.requests().size();
    Api.Answer write = other.post("/api/v1/credentials/" + id + "/verify", Map.of("tool", "create_image",
        "arguments", Map.of("prompt", "a cat")));
    assertThat(write.status()).isEqualTo(400);
    assertThat(write.json().path("error").path("fields").path("tool").asString())
        .contains("create_image").contains("POST").contains("read-only");
    assertThat(upstream.requests()).as("nothing was sent upstream").hasSize(before);
    assertThat(other.get("/api/v1/credentials/" + id).json().path("verification").asString()).isEqualTo("UNVERIFIED");

    assertThat(api.get("/api/v1/credentials/" + id + "/validation-tools").status()).isEqualTo(404);
    assertThat(new Api(server, null).get("/api/v1/credentials/" + id + "/validation-tools").status()).isEqualTo(401);
  }
}
