package dev.switchboard.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.NoAffinityProxy;
import dev.switchboard.testing.TestDatabases;
import dev.switchboard.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two Switchboard instances on one real PostgreSQL (embedded) behind a load balancer without
 * affinity ({@link NoAffinityProxy}), and the official MCP Python SDK client through a bundle of
 * server-everything: its stream is on the second instance and its tool calls on the first, so the
 * server's sampling request (too large for a NOTIFY: through the table) and elicitation cross to
 * the second instance, the client's answers come back from whichever instance they land on, and
 * the log messages of the first instance's upstream reach the stream on the second
 * ({@code src/test/python/cluster_relay_client.py} drives the client). Afterwards nothing is left in
 * {@code mcp_relays}, and another user's session, with its stream on the same instance, saw none of
 * it (docs/mcp.md, "Several instances").
 */
class PythonRelayAcrossInstancesIT {
  static final Path PYTHON = Path.of("target/python/bin/python");
  static final Path SCRIPT = Path.of("src/test/python/cluster_relay_client.py");
  static final String SLUG = "evcl";
  @TempDir
  static Path dir;
  static EverythingServer everything;
  static String dbUrl;
  static TestServer first;
  static TestServer second;
  static NoAffinityProxy proxy;

  @BeforeAll
  static void start() throws Exception {
    EverythingServer.requireInstalled();
    if (!Files.isExecutable(PYTHON)) {
      String message = PYTHON + " is missing: run scripts/fetch-test-fixtures.sh";
      if ("true".equals(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    everything = EverythingServer.start("streamableHttp");
    dbUrl = TestDatabases.newPostgresUrl();
    Map<String, String> db = Map.of("SWITCHBOARD_DB_URL", dbUrl, "SWITCHBOARD_DB_USER", "postgres",
        "SWITCHBOARD_DB_PASSWORD", "postgres");
    first = TestServer.start(dir, db);
    second = TestServer.start(dir, db);
    proxy = NoAffinityProxy.start(first.url(""), second.url(""));
  }

  @AfterAll
  static void stop() {
    if (proxy != null) {
      proxy.close();
    }
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
    if (everything != null) {
      everything.close();
    }
  }

  @Test
  void sessionSpreadOverTwoInstancesGetsItsRelaysAndNoOneElseDoes() throws Exception {
    Api admin = new Api(first, Cli.token(first.env(), TestServer.ADMIN_EMAIL));
    EverythingServer.register(admin, SLUG, "Everything", everything.url("/mcp"));
    String token = Cli.userWithToken(first.env(), "cluster@example.com");
    String bystander = Cli.userWithToken(first.env(), "bystander@example.com");
    Instant until = Instant.now().plusSeconds(15);
    while (new Api(second, token).get("/api/v1/providers/" + SLUG).status() != 200 && Instant.now().isBefore(until)) {
      Thread.sleep(100);
    }
    List<String> tools = List.of(SLUG + "_echo", SLUG + "_trigger_sampling_request",
        SLUG + "_trigger_elicitation_request", SLUG + "_toggle_simulated_logging");
    for (String user : List.of(token, bystander)) {
      Api api = new Api(first, user);
      String slug = user.equals(token) ? "cluster-relay" : "bystander-relay";
      Api.Answer credential = api.post("/api/v1/credentials?verify=true",
          Map.of("provider", SLUG, "authMethod", "NONE", "label", "Everything"));
      assertThat(credential.json().path("verification").asString()).as(credential.body()).isEqualTo("VERIFIED");
      Api.Answer bundle = api.post("/api/v1/bundles", Map.of("slug", slug, "name", "Relay",
          "tools", tools));
      assertThat(bundle.status()).as(bundle.body()).isEqualTo(201);
    }
    // the other user's session: it declared sampling and elicitation, its stream is on the second instance
    List<String> bystanderSaw = new CopyOnWriteArrayList<>();
    HttpResponse<Stream<String>> bystanderStream = openStream(bystander);
    Thread reader = new Thread(() -> {
      try {
        bystanderStream.body().forEach(bystanderSaw::add);
      } catch (UncheckedIOException closed) {
        // the test closed the stream
      }
    }, "bystander-stream");
    reader.setDaemon(true);
    reader.start();

    JsonNode seen = python(proxy.url("/mcp/bundle/cluster-relay"), token);

    bystanderStream.body().close();
    assertThat(seen.path("logs").size()).as(seen.toString()).isPositive();
    seen.path("logs").forEach(l -> assertThat(l.path("logger").asString()).startsWith(SLUG));
    assertThat(seen.path("sampling").size()).as(seen.toString()).isEqualTo(1);
    assertThat(seen.path("sampling").get(0).asInt()).isGreaterThan(9000);
    assertThat(seen.path("samplingError").asBoolean()).as(seen.toString()).isFalse();
    assertThat(seen.path("samplingResult").asString()).contains("sampled by the python client").contains("hello xxxx");
    assertThat(seen.path("elicitation").size()).isEqualTo(1);
    assertThat(seen.path("elicitationError").asBoolean()).as(seen.toString()).isFalse();
    assertThat(seen.path("elicitationResult").asString()).contains("Ada Lovelace");
    List<NoAffinityProxy.Routed> routed = proxy.routed();
    assertThat(routed).filteredOn(r -> r.httpMethod().equals("GET")).isNotEmpty()
        .allSatisfy(r -> assertThat(r.instance()).isEqualTo(1));
    assertThat(routed).filteredOn(r -> r.rpc().equals("tools/call")).hasSize(4)
        .allSatisfy(r -> assertThat(r.instance()).isZero());
    // the sampling answer landed on the second instance, the elicitation's on the first
    assertThat(routed).filteredOn(r -> r.rpc().equals("response")).extracting(NoAffinityProxy.Routed::instance)
        .containsExactly(1, 0);
    assertThat(relaysLeft()).isZero();
    assertThat(String.join("\n", bystanderSaw)).doesNotContain("sb-relay", "sampling/createMessage",
        "elicitation/create", "notifications/message", "xxxxxxxx");
  }

  private static HttpResponse<Stream<String>> openStream(String token) throws IOException, InterruptedException {
    Api onFirst = new Api(first, token);
    Api.Answer init = onFirst.send(onFirst.builder("/mcp/bundle/bystander-relay").header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream").header("MCP-Protocol-Version", "2025-11-25")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
            + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"sampling\":{},\"elicitation\":{}},"
            + "\"clientInfo\":{\"name\":\"bystander\",\"version\":\"1\"}}}")));
    assertThat(init.status()).as(init.body()).isEqualTo(200);
    String session = init.raw().headers().firstValue("Mcp-Session-Id").orElseThrow();
    Api onSecond = new Api(second, token);
    HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(onSecond.builder("/mcp/bundle/bystander-relay")
        .header("Accept", "text/event-stream").header("Mcp-Session-Id", session)
        .header("MCP-Protocol-Version", "2025-11-25").GET().build(), HttpResponse.BodyHandlers.ofLines());
    assertThat(stream.statusCode()).isEqualTo(200);
    return stream;
  }

  private static long relaysLeft() throws SQLException {
    try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "postgres");
        ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM mcp_relays")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static JsonNode python(String url, String token) throws IOException, InterruptedException {
    Path out = dir.resolve("python-cluster.out");
    Path err = dir.resolve("python-cluster.err");
    Process process = new ProcessBuilder(PYTHON.toAbsolutePath().toString(), SCRIPT.toAbsolutePath().toString(),
        url, token, SLUG).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(150, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("the Python client did not finish in 150 s: " + Files.readString(err, StandardCharsets.UTF_8));
    }
    String said = Files.readString(out, StandardCharsets.UTF_8).strip();
    assertThat(process.exitValue()).as(Files.readString(err, StandardCharsets.UTF_8)).isZero();
    return Api.JSON.readTree(said.substring(said.lastIndexOf('\n') + 1));
  }
}
