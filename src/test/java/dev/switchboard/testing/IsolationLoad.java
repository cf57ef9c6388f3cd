package dev.switchboard.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12's isolation scenario on a real Switchboard (SQLite, 127.0.0.1): a greedy user holds idle
 * legacy-SSE streams and tool calls to an upstream that never answers ({@link HangingUpstream}),
 * anonymous connections trickle sign-in bodies, and a polite user's calculator call and {@code
 * /healthz} are timed meanwhile. The limits are raised to the counts asked for, so that every
 * stream, call and body is really held by the server, and the one asked beyond each count is
 * refused. Used by {@code IsolationAtScaleIT} and {@code IsolationBenchmark}.
 */
public final class IsolationLoad implements AutoCloseable {
  /** What the greedy side holds. */
  public record Counts(int streams, int calls, int bodies) {}

  /** The answer to the request one beyond a limit. */
  public record Refusal(int status, String retryAfter, String body) {}

  private static final String SLOTH = String.join("\n",
      "openapi: 3.0.3",
      "info: {title: Sloth, version: \"1\"}",
      "servers: [{url: https://sloth.example}]",
      "paths:",
      "  /ping:",
      "    get:",
      "      operationId: ping",
      "      responses: {'200': {description: ok}}",
      "  /hang:",
      "    get:",
      "      operationId: hang",
      "      responses: {'200': {description: ok}}") + "\n";
  private static final Duration GUARD = Duration.ofSeconds(60);

  private final Counts counts;
  private final HangingUpstream upstream;
  private final TestServer server;
  private final String greedy;
  private final String polite;
  /** The greedy side's client: thousands of connections on one selector thread. */
  private final HttpClient load = client();
  /** The polite side's client, with connections of its own. */
  private final HttpClient probe = client();
  private final List<HttpResponse<InputStream>> streams = new ArrayList<>();
  private final List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
  private final List<Socket> bodies = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "trickler");
    thread.setDaemon(true);
    return thread;
  });
  private int probes;

  private IsolationLoad(Path dir, Counts counts, Map<String, String> settings) {
    this.counts = counts;
    this.upstream = new HangingUpstream();
    Map<String, String> env = new HashMap<>(Map.of(
        "SWITCHBOARD_MAX_STREAMS_PER_USER", Integer.toString(counts.streams()),
        "SWITCHBOARD_MAX_CALLS_PER_USER", Integer.toString(counts.calls()),
        "SWITCHBOARD_MAX_CALLS_PER_USER_PROVIDER", Integer.toString(counts.calls()),
        "SWITCHBOARD_OUTBOUND_CONNECTIONS_PER_HOST", Integer.toString(counts.calls() + 64),
        "SWITCHBOARD_MAX_ANONYMOUS_BODIES", Integer.toString(counts.bodies()),
        "SWITCHBOARD_CALL_TIMEOUT_MS", "120000",
        "SWITCHBOARD_BODY_TIMEOUT_MS", "120000",
        // the anonymous sign-ins must meet the anonymous-body cap, not the sign-in throttle
        "SWITCHBOARD_SIGNIN_MAX_FAILURES_PER_ACCOUNT", "0",
        "SWITCHBOARD_SIGNIN_MAX_FAILURES_PER_ADDRESS", "0"));
    env.putAll(settings);
    this.server = TestServer.start(dir, env);
    Api admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
    Api.Answer imported = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "sloth", "name", "Sloth",
        "document", SLOTH, "baseUrl", upstream.url(), "validationTool", "ping"));
    check(imported.status() == 201, imported.body());
    this.greedy = Cli.userWithToken(server.env(), "greedy@example.com");
    this.polite = Cli.userWithToken(server.env(), "polite@example.com");
    connect(new Api(server, greedy), "sloth", "slow", "sloth_hang");
    connect(new Api(server, polite), "calculator", "maths", "calculator_add");
  }

  /** A server in {@code dir} with the limits raised to {@code counts}; {@code settings} added last. */
  public static IsolationLoad start(Path dir, Counts counts, Map<String, String> settings) {
    return new IsolationLoad(dir, counts, settings);
  }

  public TestServer server() {
    return server;
  }

  public HangingUpstream upstream() {
    return upstream;
  }

  /** Opens the greedy user's streams, then one more: its refusal. */
  public Refusal holdStreams() throws IOException, InterruptedException {
    for (int i = 0; i < counts.streams(); i++) {
      HttpResponse<InputStream> stream = load.send(sse(), HttpResponse.BodyHandlers.ofInputStream());
      if (stream.statusCode() != 200) {
        String body = new String(stream.body().readAllBytes(), StandardCharsets.UTF_8);
        throw new IllegalStateException("stream " + (i + 1) + " of " + counts.streams() + " refused: " + body);
      }
      streams.add(stream);
    }
    HttpResponse<String> extra = load.send(sse(), HttpResponse.BodyHandlers.ofString());
    return refusal(extra);
  }

  /**
   * Opens the anonymous connections that each send the head of a sign-in promising 1,000 bytes
   * and one byte of it; when the server holds them all, one more anonymous sign-in: its refusal.
   */
  public Refusal trickleBodies() throws IOException, InterruptedException {
    for (int i = 0; i < counts.bodies(); i++) {
      bodies.add(trickle());
    }
    trickler.scheduleWithFixedDelay(this::oneMoreByte, 1, 1, TimeUnit.SECONDS);
    // Each trickler's request reaches the server a moment after its bytes left; a probe that comes
    // first holds a slot for a moment and the trickler behind it is refused: open it again.
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    HttpResponse<String> anonymous;
    do {
      Thread.sleep(200);
      replaceRefused();
      Thread.sleep(200);
      anonymous = signIn();
    } while (anonymous.statusCode() != 429 && System.nanoTime() < until);
    check(anonymous.statusCode() == 429, "the anonymous body after " + counts.bodies() + " trickling ones got "
        + anonymous.statusCode() + " " + anonymous.body() + "; trickling connections answered already: "
        + answered(bodies));
    return refusal(anonymous);
  }

  /** Trickling connections the server answered (and closed) replaced by new ones. */
  private void replaceRefused() throws IOException {
    for (int i = 0; i < bodies.size(); i++) {
      Socket body = bodies.get(i);
      if (body.getInputStream().available() > 0) {
        body.close();
        bodies.set(i, trickle());
      }
    }
  }

  /** How many of {@code sockets} have an answer waiting, and the first one's start. */
  private static String answered(List<Socket> sockets) throws IOException {
    int count = 0;
    String first = "";
    for (Socket socket : sockets) {
      int available = socket.getInputStream().available();
      if (available > 0) {
        count++;
        if (first.isEmpty()) {
          byte[] head = new byte[Math.min(available, 300)];
          int n = socket.getInputStream().read(head);
          first = new String(head, 0, Math.max(0, n), StandardCharsets.ISO_8859_1);
        }
      }
    }
    return count + (first.isEmpty() ? "" : ", the first: " + first);
  }

  /** Starts the greedy user's calls, waits until the upstream holds them all, then one more: its refusal. */
  public Refusal holdCalls() throws InterruptedException {
    for (int i = 0; i < counts.calls(); i++) {
      calls.add(load.sendAsync(mcp(greedy, "slow", call(i, "sloth_hang")), HttpResponse.BodyHandlers.ofString()));
    }
    int held = upstream.awaitHeld(counts.calls(), GUARD.multipliedBy(2));
    check(held == counts.calls(), "the upstream holds " + held + " of " + counts.calls() + " calls; "
        + calls.stream().filter(CompletableFuture::isDone).count() + " calls answered already, for example "
        + calls.stream().filter(CompletableFuture::isDone).findFirst()
            .map(call -> call.handle((answer, e) -> e != null ? e.toString() : answer.body()).join()).orElse("none"));
    HttpResponse<String> extra = send(load, mcp(greedy, "slow", call(-1, "sloth_hang")));
    return refusal(extra);
  }

  /** How long {@code /healthz} took to answer 200, in nanoseconds. */
  public long timeHealthz() {
    long start = System.nanoTime();
    HttpResponse<String> answer = send(probe, HttpRequest.newBuilder(URI.create(server.url("/healthz")))
        .timeout(GUARD).build());
    long nanos = System.nanoTime() - start;
    check(answer.statusCode() == 200, "/healthz answered " + answer.statusCode());
    return nanos;
  }

  /** How long the polite user's {@code calculator_add} of 2 and 3 took to answer 5, in nanoseconds. */
  public long timeCalculator() {
    int id = ++probes;
    String body = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":"
        + "\"calculator_add\",\"arguments\":{\"a\":2,\"b\":3}}}";
    long start = System.nanoTime();
    HttpResponse<String> answer = send(probe, mcp(polite, "maths", body));
    long nanos = System.nanoTime() - start;
    JsonNode result = Api.JSON.readTree(answer.body()).path("result");
    check(!result.path("isError").asBoolean(true) && result.path("structuredContent").path("result").asLong() == 5,
        answer.body());
    return nanos;
  }

  /** The greedy user's held calls still waiting. */
  public long callsInFlight() {
    return calls.stream().filter(call -> !call.isDone()).count();
  }

  /**
   * Lets everything go: streams and trickling connections closed, the upstream drops the held
   * calls; waits (bounded) until every call has its answer, and returns how many got one.
   */
  public int release() throws InterruptedException {
    trickler.shutdownNow();
    for (HttpResponse<InputStream> stream : streams) {
      try {
        stream.body().close();
      } catch (IOException e) {
        // already closed
      }
    }
    streams.clear();
    for (Socket body : bodies) {
      try {
        body.close();
      } catch (IOException e) {
        // already closed
      }
    }
    bodies.clear();
    upstream.release();
    int answered = 0;
    long until = System.nanoTime() + GUARD.toNanos();
    for (CompletableFuture<HttpResponse<String>> call : calls) {
      try {
        call.get(Math.max(1, until - System.nanoTime()), TimeUnit.NANOSECONDS);
        answered++;
      } catch (ExecutionException | TimeoutException e) {
        // counted as not answered
      }
    }
    calls.clear();
    return answered;
  }

  @Override
  public void close() {
    try {
      release();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.close();
      upstream.close();
    }
  }

  private void connect(Api api, String provider, String slug, String tool) {
    Api.Answer credential = api.post("/api/v1/credentials?verify=true",
        Map.of("provider", provider, "authMethod", "NONE", "label", provider, "fields", Map.of()));
    check(credential.status() == 201 && "VERIFIED".equals(credential.json().path("verification").asString()),
        credential.body());
    Api.Answer bundle = api.post("/api/v1/bundles", Map.of("slug", slug, "name", slug, "tools", List.of(tool)));
    check(bundle.status() == 201, bundle.body());
  }

  private HttpRequest sse() {
    return HttpRequest.newBuilder(URI.create(server.url("/mcp/bundle/slow/sse")))
        .header("Authorization", "Bearer " + greedy).header("Accept", "text/event-stream").timeout(GUARD).build();
  }

  private HttpResponse<String> signIn() {
    return send(probe, HttpRequest.newBuilder(URI.create(server.url("/api/v1/session")))
        .header("Content-Type", "application/json").timeout(GUARD)
        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"x@example.com\",\"password\":\"nope\"}")).build());
  }

  private static String call(int id, String tool) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
        + tool + "\",\"arguments\":{}}}";
  }

  private HttpRequest mcp(String token, String bundle, String body) {
    return HttpRequest.newBuilder(URI.create(server.url("/mcp/bundle/" + bundle)))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream").header("MCP-Protocol-Version", "2025-03-26")
        .timeout(Duration.ofMinutes(3))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  /** One more byte of every trickling body (a space: JSON allows it before the object). */
  private void oneMoreByte() {
    for (Socket body : bodies) {
      try {
        body.getOutputStream().write(' ');
      } catch (IOException e) {
        // closed by the server: it stays closed
      }
    }
  }

  /** An anonymous sign-in whose body promises 1,000 bytes and sends one; more follow each second. */
  private Socket trickle() throws IOException {
    URI uri = URI.create(server.url("/api/v1/session"));
    Socket socket = new Socket(uri.getHost(), uri.getPort());
    OutputStream out = socket.getOutputStream();
    out.write(("POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Refusal refusal(HttpResponse<String> answer) {
    return new Refusal(answer.statusCode(), answer.headers().firstValue("Retry-After").orElse(""), answer.body());
  }

  private static HttpClient client() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }
}
