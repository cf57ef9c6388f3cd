package dev.switchboard.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpHandler;
import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.TestServer;
import dev.switchboard.vault.VaultKey;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Failures while serving MCP stay in the protocol: a vault key missing mid-call is an {@code isError}
 * result (never the REST error shape), and a call the client cancels or walks away from is never a
 * 500 and leaves no error in the log.
 */
class McpFailuresIT {
  @TempDir
  static Path dir;
  static LocalHttpServer upstream;
  static TestServer server;
  static String token;
  /** Large enough (3 MB) that writing it to a client that left fails instead of filling a buffer. */
  static final String BIG_ANSWER = "[\"" + "r".repeat(3 * 1024 * 1024) + "\"]";
  ListAppender<ILoggingEvent> log;

  @BeforeAll
  static void start() {
    HttpHandler slow = exchange -> {
      try {
        Thread.sleep(2500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      LocalHttpServer.answer(200, BIG_ANSWER, "Content-Type", "application/json").handle(exchange);
    };
    upstream = LocalHttpServer.start()
        .on("/user/repos", slow)
        .on("/", LocalHttpServer.answer(200, "{\"login\":\"someone\"}", "Content-Type", "application/json"));
    server = TestServer.start(dir, Map.of("SWITCHBOARD_PROVIDER_GITHUB_BASE_URL", upstream.url("")));
    token = Cli.userWithToken(server.env(), "failures@example.com");
    Api api = new Api(server, token);
    assertThat(api.post("/api/v1/credentials?verify=true", Map.of("provider", "github", "authMethod", "BEARER",
        "fields", Map.of("token", "ghp_failures_0000000000"))).json().path("verification").asString())
        .isEqualTo("VERIFIED");
    assertThat(api.post("/api/v1/bundles", Map.of("slug", "slow", "name", "Slow",
        "tools", List.of("github_list_repositories"))).status()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    server.close();
    upstream.close();
  }

  @BeforeEach
  void listen() {
    log = new ListAppender<>();
    log.start();
    root().addAppender(log);
  }

  @AfterEach
  void stopListening() {
    root().detachAppender(log);
  }

  private static ch.qos.logback.classic.Logger root() {
    return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  }

  private void assertNoErrorNorServerFailureLogged() {
    assertThat(log.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
        .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(m -> m.matches(".* /mcp/.* 5\\d\\d \\d+ms"));
  }

  @Test
  void aCancelledCallIsNotAnsweredAndLogsNoError() throws Exception {
    McpClient c = new McpClient(server, token, "/mcp/bundle/slow");
    c.initialize();
    CompletableFuture<Api.Answer> call = CompletableFuture.supplyAsync(() -> c.raw(
        "{\"jsonrpc\":\"2.0\",\"id\":\"slow-1\",\"method\":\"tools/call\",\"params\":{\"name\":"
            + "\"github_list_repositories\",\"arguments\":{}}}"));
    Thread.sleep(700);
    Api.Answer cancelled = c.raw("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
        + "\"params\":{\"requestId\":\"slow-1\",\"reason\":\"user pressed stop\"}}");
    assertThat(cancelled.status()).isEqualTo(202);
    Api.Answer answer = call.get(10, TimeUnit.SECONDS);
    // MCP 2025-11-25, "Cancellation": no response is sent for a cancelled request
    assertThat(answer.status()).as(answer.body()).isEqualTo(202);
    assertThat(answer.body()).isEmpty();
    // the thread that served it serves the next call normally: no interrupt is left behind
    Api.Answer next = c.request("tools/list", Map.of());
    assertThat(next.status()).isEqualTo(200);
    assertThat(next.json().path("result").path("tools").size()).isEqualTo(1);
    Thread.sleep(300);
    assertNoErrorNorServerFailureLogged();
  }

  @Test
  void aClientThatDisconnectsMidCallLeavesNoErrorInTheLog() throws Exception {
    McpClient c = new McpClient(server, token, "/mcp/bundle/slow");
    c.initialize();
    String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":"
        + "\"github_list_repositories\",\"arguments\":{}}}";
    URI base = URI.create(server.url("/"));
    int before = upstream.requests().size();
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /mcp/bundle/slow HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
          + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
          + "MCP-Protocol-Version: 2025-11-25\r\nMcp-Session-Id: " + c.session + "\r\nContent-Length: "
          + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
      out.flush();
      Thread.sleep(700);
    }
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
    while (upstream.requests().size() == before && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    Thread.sleep(3500); // the upstream answers after 2.5 s; the gateway then writes to a closed socket
    assertThat(c.request("ping", Map.of()).status()).isEqualTo(200);
    assertNoErrorNorServerFailureLogged();
  }

  @Test
  void aVaultKeyMissingWhileServingToolsCallIsAnIsErrorResultNotTheRestErrorShape() throws Exception {
    String own = Cli.userWithToken(server.env(), "vault@example.com");
    Api api = new Api(server, own);
    assertThat(api.post("/api/v1/credentials?verify=true", Map.of("provider", "calculator", "authMethod", "NONE"))
        .json().path("verification").asString()).isEqualTo("VERIFIED");
    assertThat(api.post("/api/v1/bundles", Map.of("slug", "vault-maths", "name", "Maths",
        "tools", List.of("calculator_add"))).status()).isEqualTo(201);
    Path keys = dir.resolve("keys/vault.keys");
    String original = Files.readString(keys);
    try {
      // an operator replaces the key file by mistake: the credential's key id is gone
      Files.writeString(keys, VaultKey.generate("replacement").exportEntry() + "\n");
      Thread.sleep(800); // the key file is polled every 200 ms in tests
      McpClient c = new McpClient(server, own, "/mcp/bundle/vault-maths");
      assertThat(c.initialize().status()).isEqualTo(200);
      Api.Answer called = c.request("tools/call", Map.of("name", "calculator_add",
          "arguments", Map.of("a", 1, "b", 2)));
      assertThat(called.status()).as(called.body()).isEqualTo(200);
      assertThat(called.json().path("jsonrpc").asString()).isEqualTo("2.0");
      JsonNode result = called.json().path("result");
      assertThat(result.path("isError").asBoolean()).as(called.body()).isTrue();
      assertThat(result.path("content").get(0).path("text").asString()).contains("vault_key_missing");
      assertThat(called.json().path("error").isMissingNode()).isTrue();
    } finally {
      Files.writeString(keys, original);
      Thread.sleep(800);
    }
  }

  @Test
  void theLegacyTransportsPostEndpointRefusesInJsonRpc() {
    Api.Answer unknown = new Api(server, token).post("/mcp/hub/messages?sessionId=no-such-session",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("jsonrpc").asString()).isEqualTo("2.0");
    assertThat(unknown.json().path("error").path("code").asInt()).isEqualTo(-32600);
    Api.Answer anonymous = new Api(server, null).post("/mcp/hub/messages?sessionId=x", "{}");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().path("error").path("code").asInt()).isEqualTo(-32600);
    assertThat(anonymous.raw().headers().firstValue("WWW-Authenticate")).isPresent();
  }

  @Test
  void errorsTheRoutesThemselvesDoNotAnswerAreJsonRpcUnderMcpToo() {
    Api api = new Api(server, token);
    for (Api.Answer a : List.of(api.get("/mcp/no-such-endpoint"),
        api.send(api.builder("/mcp/hub").header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{}"))))) {
      assertThat(a.status()).as(a.body()).isIn(404, 405);
      assertThat(a.json().path("jsonrpc").asString()).as(a.body()).isEqualTo("2.0");
      assertThat(a.json().path("error").path("code").asInt()).isEqualTo(-32600);
      assertThat(a.json().path("error").path("data").path("code").asString()).isNotBlank();
    }
    assertThat(api.get("/api/v1/no-such-route").json().path("error").path("code").asString())
        .isEqualTo("not_found");
  }
}
