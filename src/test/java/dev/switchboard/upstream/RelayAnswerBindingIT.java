package dev.switchboard.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A client's answer to a request relayed from a remote server (here server-everything's
 * {@code sampling/createMessage}) is taken only from the session the request was sent to: the same
 * answer id posted by another session of the same user, or by another user's session, is ignored
 * and never reaches the server; the right session's answer then does.
 */
class RelayAnswerBindingIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir
  static Path dir;
  static EverythingServer everything;
  static TestServer server;

  @BeforeAll
  static void start() {
    EverythingServer.requireInstalled();
    everything = EverythingServer.start("streamableHttp");
    server = TestServer.sqlite(dir);
    Api admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
    EverythingServer.register(admin, "bound", "Everything", everything.url("/mcp"));
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

  @Test
  void anAnswerFromAnotherSessionOrUserIsIgnoredAndTheRightSessionsAnswerReachesTheServer() throws Exception {
    String ada = userWithBundle("ada", "ada-relay");
    String bob = userWithBundle("bob", "bob-relay");
    String path = "/mcp/bundle/ada-relay";
    String first = initialize(ada, path);
    String second = initialize(ada, path);
    String other = initialize(bob, "/mcp/bundle/bob-relay");
    BlockingQueue<JsonNode> stream = new LinkedBlockingQueue<>();
    CompletableFuture<Void> reading = open(ada, path, first, stream);
    try {
      CompletableFuture<HttpResponse<String>> call = HTTP.sendAsync(post(ada, path, first, Map.of("jsonrpc", "2.0",
          "id", 7, "method", "tools/call", "params", Map.of("name", "bound_trigger_sampling_request",
              "arguments", Map.of("prompt", "hello")))), HttpResponse.BodyHandlers.ofString());
      JsonNode request = relayedRequest(stream);
      assertThat(request.path("method").asString()).isEqualTo("sampling/createMessage");
      String id = request.path("id").asString();

      assertThat(answer(ada, path, second, id, "from the other session")).isEqualTo(202);
      assertThat(answer(bob, "/mcp/bundle/bob-relay", other, id, "from another user")).isEqualTo(202);
      assertThat(answer(ada, path, null, id, "from no session")).isEqualTo(202);
      assertThat(call).isNotDone();
      assertThat(answer(ada, path, first, id, "from the right session")).isEqualTo(202);

      HttpResponse<String> done = call.get(60, TimeUnit.SECONDS);
      assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
      assertThat(done.body()).contains("from the right session").doesNotContain("from the other session")
          .doesNotContain("from another user").doesNotContain("from no session");
    } finally {
      reading.cancel(true);
    }
  }

  private static String userWithBundle(String name, String bundle) {
    String token = Cli.userWithToken(server.env(), name + "@example.com");
    Api user = new Api(server, token);
    Api.Answer credential = user.post("/api/v1/credentials?verify=true",
        Map.of("provider", "bound", "authMethod", "NONE", "label", "Everything"));
    assertThat(credential.json().path("verification").asString()).as(credential.body()).isEqualTo("VERIFIED");
    Api.Answer created = user.post("/api/v1/bundles", Map.of("slug", bundle, "name", "Relay",
        "tools", List.of("bound_echo", "bound_trigger_sampling_request")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return token;
  }

  private static String initialize(String token, String path) throws Exception {
    HttpResponse<String> init = HTTP.send(post(token, path, null, Map.of("jsonrpc", "2.0", "id", 1,
        "method", "initialize", "params", Map.of("protocolVersion", "2025-11-25",
            "capabilities", Map.of("sampling", Map.of()), "clientInfo", Map.of("name", "test", "version", "1")))),
        HttpResponse.BodyHandlers.ofString());
    assertThat(init.statusCode()).as(init.body()).isEqualTo(200);
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    HTTP.send(post(token, path, session, Map.of("jsonrpc", "2.0", "method", "notifications/initialized")),
        HttpResponse.BodyHandlers.discarding());
    return session;
  }

  /** Opens the session's GET stream; each {@code data:} line goes to {@code into} as JSON. */
  private static CompletableFuture<Void> open(String token, String path, String session,
      BlockingQueue<JsonNode> into) throws Exception {
    HttpRequest get = HttpRequest.newBuilder(URI.create(server.url(path))).GET()
        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
        .header("MCP-Protocol-Version", "2025-11-25").header("Mcp-Session-Id", session).build();
    HttpResponse<Stream<String>> response = HTTP.send(get, HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    return CompletableFuture.runAsync(() -> response.body().forEach(line -> {
      if (line.startsWith("data:")) {
        into.add(Api.JSON.readTree(line.substring(5).strip()));
      }
    }));
  }

  private static JsonNode relayedRequest(BlockingQueue<JsonNode> stream) throws InterruptedException {
    while (true) {
      JsonNode message = stream.poll(60, TimeUnit.SECONDS);
      assertThat(message).as("a relayed request on the GET stream").isNotNull();
      if (message.has("id") && message.has("method")) {
        return message;
      }
    }
  }

  private static int answer(String token, String path, String session, String id, String text) throws Exception {
    Map<String, Object> result = Map.of("role", "assistant", "model", "test-model", "stopReason", "endTurn",
        "content", Map.of("type", "text", "text", text));
    return HTTP.send(post(token, path, session, Map.of("jsonrpc", "2.0", "id", id, "result", result)),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static HttpRequest post(String token, String path, String session, Map<String, Object> body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(90))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream").header("MCP-Protocol-Version", "2025-11-25")
        .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)));
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    return b.build();
  }
}
