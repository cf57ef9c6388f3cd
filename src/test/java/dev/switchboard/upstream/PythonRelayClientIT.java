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
 * The official MCP Python SDK client ({@code target/python}, by scripts/fetch-test-fixtures.sh)
 * through a bundle of server-everything, reached over Streamable HTTP and over the legacy HTTP+SSE
 * transport: it answers a sampling request and an elicitation the server sends during tool calls,
 * reads a resource, is told of updates to a resource it subscribed to, and fetches a prompt named on
 * the bundle, and receives log messages at the level
 * it set, and nothing below it; a second client that declared no sampling has the server's request
 * refused on its behalf ({@code src/test/python/bundle_relay_client.py} drives it).
 */
class PythonRelayClientIT {
  static final Path PYTHON = Path.of("target/python/bin/python");
  static final Path SCRIPT = Path.of("src/test/python/bundle_relay_client.py");
  static final List<String> AT_LEAST_ERROR = List.of("error", "critical", "alert", "emergency");
  @TempDir
  static Path dir;
  static EverythingServer streamable;
  static EverythingServer sse;
  static TestServer server;
  static Api admin;

  @BeforeAll
  static void start() {
    EverythingServer.requireInstalled();
    if (!Files.isExecutable(PYTHON)) {
      String message = PYTHON + " is missing: run scripts/fetch-test-fixtures.sh";
      if ("true".equals(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    streamable = EverythingServer.start("streamableHttp");
    sse = EverythingServer.start("sse");
    server = TestServer.sqlite(dir);
    admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (streamable != null) {
      streamable.close();
    }
    if (sse != null) {
      sse.close();
    }
  }

  @Test
  void throughAStreamableHttpServerTheClientAnswersSamplingAndElicitationReadsPromptsAndGetsLogs() throws Exception {
    relayed("every", streamable.url("/mcp"));
  }

  @Test
  void throughALegacySseServerTheClientAnswersSamplingAndElicitationReadsPromptsAndGetsLogs() throws Exception {
    relayed("evsse", sse.url("/sse"));
  }

  private void relayed(String slug, String url) throws Exception {
    EverythingServer.register(admin, slug, "Everything", url);
    String token = Cli.userWithToken(server.env(), slug + "@example.com");
    Api user = new Api(server, token);
    Api.Answer credential = user.post("/api/v1/credentials?verify=true",
        Map.of("provider", slug, "authMethod", "NONE", "label", "Everything"));
    assertThat(credential.json().path("verification").asString()).as(credential.body()).isEqualTo("VERIFIED");
    List<String> tools = List.of(slug + "_echo", slug + "_trigger_sampling_request",
        slug + "_trigger_elicitation_request", slug + "_toggle_simulated_logging", slug + "_toggle_subscriber_updates");
    Api.Answer bundle = user.post("/api/v1/bundles", Map.of("slug", slug + "-relay", "name", "Relay",
        "tools", tools));
    assertThat(bundle.status()).as(bundle.body()).isEqualTo(201);

    JsonNode seen = python(server.url("/mcp/bundle/" + slug + "-relay"), token, slug);

    assertThat(seen.path("capabilities").has("resources")).as(seen.toString()).isTrue();
    assertThat(seen.path("capabilities").has("prompts")).isTrue();
    assertThat(seen.path("capabilities").has("logging")).isTrue();
    assertThat(seen.path("tools").toString()).contains(slug + "_trigger_sampling_request");
    assertThat(seen.path("resources").toString()).contains("switchboard://" + slug + "/demo://resource/static/document/");
    assertThat(seen.path("templates").toString()).contains("switchboard://" + slug + "/demo://resource/dynamic/");
    assertThat(seen.path("read").path("uri").asString()).startsWith("switchboard://" + slug + "/demo://");
    assertThat(seen.path("read").path("text").asString()).isNotEmpty();
    assertThat(seen.path("updated").toString()).as(seen.toString()).contains(seen.path("subscribed").asString());
    assertThat(seen.path("prompts").toString()).contains(slug + "_simple-prompt");
    assertThat(seen.path("prompt").asString()).isNotEmpty();
    assertThat(seen.path("sampling").toString()).contains("hello");
    assertThat(seen.path("samplingResult").asString()).contains("sampled by the python client");
    assertThat(seen.path("elicitation").size()).isEqualTo(1);
    assertThat(seen.path("elicitationResult").asString()).contains("Ada Lovelace");
    List<String> levels = new ArrayList<>();
    seen.path("logs").forEach(l -> levels.add(l.path("level").asString()));
    assertThat(levels).as(seen.toString()).isNotEmpty();
    assertThat(AT_LEAST_ERROR).containsAll(levels);
    seen.path("logs").forEach(l -> assertThat(l.path("logger").asString()).startsWith(slug));
    assertThat(seen.path("refused").path("isError").asBoolean()).as(seen.toString()).isTrue();
    assertThat(seen.path("refused").path("text").asString()).contains("did not declare the sampling capability");
    assertThat(seen.path("sampling").size()).isEqualTo(1);
  }

  private static JsonNode python(String url, String token, String slug) throws IOException, InterruptedException {
    Path out = dir.resolve("python-" + slug + ".out");
    Path err = dir.resolve("python-" + slug + ".err");
    Process process = new ProcessBuilder(PYTHON.toAbsolutePath().toString(), SCRIPT.toAbsolutePath().toString(),
        url, token, slug).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(150, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("the Python client did not finish in 150 s: " + Files.readString(err, StandardCharsets.UTF_8));
    }
    String said = Files.readString(out, StandardCharsets.UTF_8).strip();
    assertThat(process.exitValue()).as(Files.readString(err, StandardCharsets.UTF_8)).isZero();
    return Api.JSON.readTree(said.substring(said.lastIndexOf('\n') + 1));
  }
}
