package dev.switchboard.upstream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.testing.LocalHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small Streamable HTTP MCP server on 127.0.0.1 at {@code /mcp}, for what real servers do not do on
 * demand: event-stream answers, paging, ending sessions, 401, list-changed notifications, slowness,
 * streams that close before the answer. Tests set the public fields; {@link FakeTools} answers calls.
 */
final class FakeMcpServer implements AutoCloseable {
  /** One request as the server saw it; header names in lower case. */
  record Request(String method, String pathAndQuery, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  final JsonMapper json = JsonMapper.builder().build();
  final List<Request> requests = new CopyOnWriteArrayList<>();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final HttpServer http;
  /** Answer every request as an event stream (with a priming event) instead of a JSON body. */
  volatile boolean eventStreams;
  /** The next answer's stream ends after a priming event; a GET with its id gets the answer. */
  volatile boolean closeBeforeAnswer;
  /** The next answer's stream carries notifications/tools/list_changed before it. */
  volatile boolean announceChange;
  /** The Authorization value required on every request; null for none. */
  volatile String requiredAuthorization;
  /** The protocol version initialize answers with. */
  volatile String protocolVersion = "2025-11-25";
  volatile int pageSize = 100;
  volatile List<String> toolNames = List.of("echo");
  /** Appended to every tool description and to the description of its argument. */
  volatile String descriptionSuffix = "";
  volatile long slowMillis;
  /**
   * In event-stream mode, a tools/call that asked for progress gets this many
   * {@code notifications/progress}, one every {@link #progressEveryMillis}, before its answer.
   */
  volatile int progressSteps;
  volatile long progressEveryMillis;
  /**
   * In event-stream mode, every answer is preceded by a debug {@code notifications/message} that
   * repeats the request's Authorization header, as a careless server's request log would.
   */
  volatile boolean logAuthorization;
  /** A status every POST answers with instead of MCP, or 0. */
  volatile int failWith;
  /** Where every POST is redirected (307), or null. */
  volatile String redirectTo;
  final AtomicInteger initializes = new AtomicInteger();
  final AtomicInteger toolLists = new AtomicInteger();
  private final Set<String> sessions = ConcurrentHashMap.newKeySet();
  private final Map<String, JsonNode> replays = new ConcurrentHashMap<>();
  private final FakeTools tools = new FakeTools(this);

  FakeMcpServer() {
    try {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 50);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    http.setExecutor(threads);
    http.createContext("/mcp", exchange -> {
      try (exchange) {
        handle(exchange);
      }
    });
    http.start();
  }

  String url() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/mcp";
  }

  /** Forgets every session, as a restarted server would: their requests answer 404. */
  void endSessions() {
    sessions.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, String> headers = new ConcurrentHashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
    Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body);
    requests.add(request);
    if (requiredAuthorization != null && !requiredAuthorization.equals(request.header("Authorization"))) {
      send(exchange, 401, "{\"error\":\"invalid_token\",\"error_description\":\"the token is not valid\"}");
    } else if (exchange.getRequestMethod().equals("GET")) {
      replay(exchange, request.header("Last-Event-ID"));
    } else if (exchange.getRequestMethod().equals("DELETE")) {
      sessions.remove(String.valueOf(request.header("Mcp-Session-Id")));
      send(exchange, 200, "");
    } else if (redirectTo != null) {
      exchange.getResponseHeaders().add("Location", redirectTo);
      send(exchange, 307, "");
    } else if (failWith != 0) {
      send(exchange, failWith, "{\"message\":\"the server is having a bad day\"}");
    } else {
      post(exchange, json.readTree(body), request.header("Mcp-Session-Id"));
    }
  }

  private void post(HttpExchange exchange, JsonNode message, String session) throws IOException {
    String method = message.path("method").asString("");
    if (!method.equals("initialize") && (session == null || !sessions.contains(session))) {
      send(exchange, 404, "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32001,\"message\":\"Session not found\"}}");
      return;
    }
    if (!message.has("id")) {
      send(exchange, 202, "");
      return;
    }
    ObjectNode answer = json.createObjectNode().put("jsonrpc", "2.0");
    answer.set("id", message.get("id"));
    switch (method) {
      case "initialize" -> {
        initializes.incrementAndGet();
        String id = UUID.randomUUID().toString();
        sessions.add(id);
        exchange.getResponseHeaders().add("Mcp-Session-Id", id);
        ObjectNode result = answer.putObject("result").put("protocolVersion", protocolVersion);
        result.putObject("capabilities").putObject("tools").put("listChanged", true);
        result.putObject("serverInfo").put("name", "fake").put("version", "1");
      }
      case "tools/list" -> answer.set("result", toolPage(message.path("params").path("cursor").asString("0")));
      case "tools/call" -> tools.call(message.path("params"), answer);
      default -> answer.putObject("error").put("code", -32601).put("message", "no " + method);
    }
    respond(exchange, answer, message.path("params").path("_meta").path("progressToken"));
  }

  private String authorizationLog(HttpExchange exchange) {
    ObjectNode log = json.createObjectNode().put("jsonrpc", "2.0").put("method", "notifications/message");
    log.putObject("params").put("level", "debug").put("logger", "requests")
        .put("data", "POST /mcp Authorization: " + exchange.getRequestHeaders().getFirst("Authorization"));
    return json.writeValueAsString(log);
  }

  private ObjectNode toolPage(String cursor) {
    toolLists.incrementAndGet();
    int from = Integer.parseInt(cursor);
    List<String> names = toolNames;
    ObjectNode result = json.createObjectNode();
    var list = result.putArray("tools");
    for (int i = from; i < Math.min(names.size(), from + pageSize); i++) {
      ObjectNode tool = list.addObject().put("name", names.get(i))
          .put("description", "Tool " + names.get(i) + descriptionSuffix);
      tool.putObject("inputSchema").put("type", "object").putObject("properties")
          .putObject("message").put("type", "string").put("description", "what to send" + descriptionSuffix);
    }
    if (from + pageSize < names.size()) {
      result.put("nextCursor", String.valueOf(from + pageSize));
    }
    return result;
  }

  private void respond(HttpExchange exchange, ObjectNode answer, JsonNode progressToken) throws IOException {
    if (!eventStreams) {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      send(exchange, 200, json.writeValueAsString(answer));
      return;
    }
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      String id = UUID.randomUUID().toString();
      write(out, "id: " + id + "-0\r\ndata:\r\n\r\n");
      if (closeBeforeAnswer) {
        closeBeforeAnswer = false;
        replays.put(id + "-0", answer);
        write(out, "retry: 20\n\n");
        return;
      }
      if (logAuthorization) {
        write(out, "event: message\ndata: " + authorizationLog(exchange) + "\n\n");
      }
      if (announceChange) {
        announceChange = false;
        write(out, ": a comment\nevent: message\ndata: {\"jsonrpc\":\"2.0\",\n"
            + "data: \"method\":\"notifications/tools/list_changed\"}\n\n");
      }
      for (int step = 1; progressToken.isString() && step <= progressSteps; step++) {
        sleep(progressEveryMillis);
        ObjectNode progress = json.createObjectNode().put("jsonrpc", "2.0").put("method", "notifications/progress");
        progress.putObject("params").put("progressToken", progressToken.asString()).put("progress", step)
            .put("total", progressSteps).put("message", "step " + step);
        write(out, "event: message\ndata: " + json.writeValueAsString(progress) + "\n\n");
      }
      write(out, "id: " + id + "-1\nevent: message\ndata: " + json.writeValueAsString(answer) + "\n\n");
    }
  }

  private void replay(HttpExchange exchange, String lastEventId) throws IOException {
    JsonNode answer = lastEventId == null ? null : replays.remove(lastEventId);
    if (answer == null) {
      // as the TypeScript SDK's server answers a GET stream it does not offer
      exchange.getResponseHeaders().add("Allow", "POST, DELETE");
      send(exchange, 405, "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32000,\"message\":\"Method not allowed.\"},\"id\":null}");
      return;
    }
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      write(out, "id: " + lastEventId + "-replayed\ndata: " + json.writeValueAsString(answer) + "\n\n");
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  static void send(HttpExchange exchange, int status, String body) throws IOException {
    LocalHttpServer.answer(status, body, body.startsWith("{") ? new String[] {"Content-Type", "application/json"}
        : new String[0]).handle(exchange);
  }

  @Override
  public void close() {
    http.stop(0);
    threads.shutdownNow();
  }
}
