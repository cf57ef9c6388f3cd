package dev.switchboard.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A bundle of server-everything that offers only some of its features, seen by the official MCP
 * Python SDK client ({@code src/test/python/bundle_features_client.py}): {@code initialize}
 * advertises only the features chosen, and a request for one that is not offered is answered
 * -32601 naming the feature; changing the choice through the API shows on the next connection; a
 * session of a bundle without resources gets the log messages but not the resource updates of the
 * upstream connection it shares with a bundle that offers everything
 * ({@code src/test/python/bundle_features_notices.py}); resources turned off while a session is
 * subscribed stop its resource updates, not its log messages
 * ({@code src/test/python/bundle_features_turned_off.py}).
 */
class BundleFeaturesRelayIT {
  static final Path SCRIPT = Path.of("src/test/python/bundle_features_client.py");
  static final Path NOTICES = Path.of("src/test/python/bundle_features_notices.py");
  static final Path TURNED_OFF = Path.of("src/test/python/bundle_features_turned_off.py");
  static final String SLUG = "evfeat";
  @TempDir
  static Path dir;
  static EverythingServer everything;
  static TestServer server;
  static Api user;
  static String token;

  @BeforeAll
  static void start() {
    EverythingServer.requireInstalled();
    if (!Files.isExecutable(PythonRelayClientIT.PYTHON)) {
      String message = PythonRelayClientIT.PYTHON + " is missing: run scripts/fetch-test-fixtures.sh";
      if ("true".equals(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    everything = EverythingServer.start("streamableHttp");
    server = TestServer.sqlite(dir);
    Api admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
    EverythingServer.register(admin, SLUG, "Everything", everything.url("/mcp"));
    token = Cli.userWithToken(server.env(), "features@example.com");
    user = new Api(server, token);
    Api.Answer credential = user.post("/api/v1/credentials?verify=true",
        Map.of("provider", SLUG, "authMethod", "NONE", "label", "Everything"));
    assertThat(credential.json().path("verification").asString()).as(credential.body()).isEqualTo("VERIFIED");
    Api.Answer bundle = user.post("/api/v1/bundles", Map.of("slug", "chosen", "name", "Chosen",
        "tools", List.of(SLUG + "_echo"), "features", Map.of("resources", false, "logging", false)));
    assertThat(bundle.status()).as(bundle.body()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (everything != null) {
      everything.close();
    }
  }

  private static void refused(JsonNode seen, String request, String feature) {
    JsonNode answer = seen.path(request);
    assertThat(answer.path("ok").asBoolean()).as(request + ": " + answer).isFalse();
    assertThat(answer.path("code").asInt()).as(request + ": " + answer).isEqualTo(-32601);
    assertThat(answer.path("message").asString()).as(request)
        .contains("does not offer " + feature).contains("'chosen'");
  }

  private static void answered(JsonNode seen, String request) {
    assertThat(seen.path(request).path("ok").asBoolean()).as(request + ": " + seen.path(request)).isTrue();
  }

  @Test
  void onlyTheChosenFeaturesAreAdvertisedAndServedAndTheOthersAreMethodNotFound() throws Exception {
    JsonNode promptsOnly = python("prompts-only");
    JsonNode capabilities = promptsOnly.path("capabilities");
    assertThat(capabilities.has("prompts")).as(capabilities.toString()).isTrue();
    assertThat(capabilities.has("completions")).isTrue();
    assertThat(capabilities.has("resources")).isFalse();
    assertThat(capabilities.has("logging")).isFalse();
    assertThat(promptsOnly.path("tools").toString()).contains(SLUG + "_echo");
    answered(promptsOnly, "prompts/list");
    assertThat(promptsOnly.path("prompts/list").path("result").toString()).contains(SLUG + "_simple-prompt");
    answered(promptsOnly, "completion/prompt");
    assertThat(promptsOnly.path("completion/prompt").path("result").toString()).contains("Engineering");
    refused(promptsOnly, "resources/list", "resources");
    refused(promptsOnly, "resources/subscribe", "resources");
    refused(promptsOnly, "completion/resource", "resources");
    refused(promptsOnly, "logging/setLevel", "logging");

    Api.Answer changed = user.patch("/api/v1/bundles/chosen", Map.of("features",
        Map.of("resources", true, "prompts", false, "logging", true)));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    JsonNode noPrompts = python("no-prompts");
    capabilities = noPrompts.path("capabilities");
    assertThat(capabilities.has("resources")).as(capabilities.toString()).isTrue();
    assertThat(capabilities.path("resources").path("subscribe").asBoolean()).isTrue();
    assertThat(capabilities.has("logging")).isTrue();
    assertThat(capabilities.has("completions")).isTrue();
    assertThat(capabilities.has("prompts")).isFalse();
    answered(noPrompts, "resources/list");
    assertThat(noPrompts.path("resources/list").path("result").toString())
        .contains("switchboard://" + SLUG + "/demo://resource/static/document/");
    answered(noPrompts, "resources/subscribe");
    answered(noPrompts, "logging/setLevel");
    refused(noPrompts, "prompts/list", "prompts");
    refused(noPrompts, "completion/prompt", "prompts");

    user.patch("/api/v1/bundles/chosen", Map.of("features", Map.of("resources", false, "logging", false)));
    JsonNode none = python("none");
    assertThat(none.path("capabilities").propertyNames()).as(none.path("capabilities").toString())
        .doesNotContain("resources", "prompts", "completions", "logging").contains("tools");
    refused(none, "resources/list", "resources");
    refused(none, "prompts/list", "prompts");
    refused(none, "logging/setLevel", "logging");
    assertThat(none.path("tools").toString()).contains(SLUG + "_echo");
  }

  @Test
  void aSessionOfABundleWithoutResourcesGetsNoResourceNotificationsOfTheConnectionItShares() throws Exception {
    List<String> tools = List.of(SLUG + "_echo", SLUG + "_toggle_subscriber_updates",
        SLUG + "_toggle_simulated_logging");
    assertThat(user.post("/api/v1/bundles", Map.of("slug", "offers-all", "name", "All", "tools", tools))
        .status()).isEqualTo(201);
    assertThat(user.post("/api/v1/bundles", Map.of("slug", "logs-only", "name", "Logs", "tools", tools,
        "features", Map.of("resources", false, "prompts", false, "logging", true))).status()).isEqualTo(201);

    JsonNode seen = run("notices", NOTICES, server.url("/mcp/bundle/offers-all"),
        server.url("/mcp/bundle/logs-only"), token, SLUG);

    List<String> everything = new ArrayList<>();
    seen.path("everything").forEach(n -> everything.add(n.asString()));
    List<String> loggingOnly = new ArrayList<>();
    seen.path("loggingOnly").forEach(n -> loggingOnly.add(n.asString()));
    // both sessions are routed the same upstream connection's notifications; only the features offered reach each
    assertThat(everything).as(seen.toString()).contains("notifications/resources/updated", "notifications/message");
    assertThat(loggingOnly).as(seen.toString()).contains("notifications/message")
        .doesNotContain("notifications/resources/updated", "notifications/resources/list_changed",
            "notifications/prompts/list_changed");
  }

  @Test
  void turningResourcesOffStopsTheResourceUpdatesOfASessionAlreadySubscribed() throws Exception {
    List<String> tools = List.of(SLUG + "_echo", SLUG + "_toggle_subscriber_updates",
        SLUG + "_toggle_simulated_logging");
    assertThat(user.post("/api/v1/bundles", Map.of("slug", "switched", "name", "Switched", "tools", tools))
        .status()).isEqualTo(201);

    JsonNode seen = run("turned-off", TURNED_OFF, server.url("/mcp/bundle/switched"),
        server.url("/api/v1/bundles/switched"), token, SLUG);

    assertThat(seen.path("patch").asInt()).as(seen.toString()).isEqualTo(200);
    List<String> before = new ArrayList<>();
    seen.path("before").forEach(n -> before.add(n.asString()));
    List<String> after = new ArrayList<>();
    seen.path("after").forEach(n -> after.add(n.asString()));
    assertThat(before).as(seen.toString()).contains("notifications/resources/updated", "notifications/message");
    assertThat(after).as(seen.toString()).contains("notifications/message")
        .doesNotContain("notifications/resources/updated", "notifications/resources/list_changed");
  }

  private static JsonNode python(String name) throws IOException, InterruptedException {
    return run(name, SCRIPT, server.url("/mcp/bundle/chosen"), token, SLUG);
  }

  private static JsonNode run(String name, Path script, String... args) throws IOException, InterruptedException {
    Path out = dir.resolve("python-" + name + ".out");
    Path err = dir.resolve("python-" + name + ".err");
    List<String> command = new ArrayList<>(List.of(PythonRelayClientIT.PYTHON.toAbsolutePath().toString(),
        script.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("the Python client did not finish in 180 s: " + Files.readString(err, StandardCharsets.UTF_8));
    }
    String said = Files.readString(out, StandardCharsets.UTF_8).strip();
    assertThat(process.exitValue()).as(Files.readString(err, StandardCharsets.UTF_8)).isZero();
    return Api.JSON.readTree(said.substring(said.lastIndexOf('\n') + 1));
  }
}
