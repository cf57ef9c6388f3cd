package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.HangingUpstream;
import dev.switchboard.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12, the isolation acceptance test, scaled down for a 2-core CI machine (the shape of the
 * issue's 500 streams, 1,000 calls and 300 trickling bodies, with 20, 24 and 40): while one user
 * holds idle streams and calls to an upstream that never answers, and anonymous connections
 * trickle request bodies, another user's calculator call and {@code /healthz} answer quickly, the
 * first user gets errors that name the limits, and everything ends by itself within the deadlines.
 * Here the limits keep their defaults; {@link IsolationAtScaleIT} runs the full counts with
 * the limits raised to them.
 */
class IsolationIT {
  private static final int CALL_TIMEOUT_MS = 8_000;
  private static final int BODY_TIMEOUT_MS = 3_000;
  private static final long OTHER_USER_BOUND_MS = 2_000;
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

  @TempDir
  static Path dir;
  static HangingUpstream upstream;
  static TestServer server;
  static String greedy;
  static String polite;
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws IOException {
    upstream = new HangingUpstream();
    server = TestServer.start(dir, Map.of("SWITCHBOARD_CALL_TIMEOUT_MS", Integer.toString(CALL_TIMEOUT_MS),
        "SWITCHBOARD_BODY_TIMEOUT_MS", Integer.toString(BODY_TIMEOUT_MS),
        // the failed sign-ins below must meet the anonymous-body cap, not the sign-in throttle
        "SWITCHBOARD_SIGNIN_MAX_FAILURES_PER_ACCOUNT", "0", "SWITCHBOARD_SIGNIN_MAX_FAILURES_PER_ADDRESS", "0"));
    Api admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
    Api.Answer imported = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "sloth", "name", "Sloth",
        "document", SLOTH, "baseUrl", upstream.url(), "validationTool", "ping"));
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    greedy = Cli.userWithToken(server.env(), "greedy@example.com");
    polite = Cli.userWithToken(server.env(), "polite@example.com");
    connect(new Api(server, greedy), "sloth", "slow", "sloth_hang");
    connect(new Api(server, polite), "calculator", "maths", "calculator_add");
  }

  @AfterAll
  static void stop() throws IOException {
    if (server != null) {
      server.close();
    }
    upstream.close();
  }

  static void connect(Api api, String provider, String slug, String tool) {
    Api.Answer credential = api.post("/api/v1/credentials?verify=true",
        Map.of("provider", provider, "authMethod", "NONE", "label", provider, "fields", Map.of()));
    assertThat(credential.status()).as(credential.body()).isEqualTo(201);
    assertThat(credential.json().path("verification").asString()).isEqualTo("VERIFIED");
    Api.Answer bundle = api.post("/api/v1/bundles", Map.of("slug", slug, "name", slug, "tools", List.of(tool)));
    assertThat(bundle.status()).as(bundle.body()).isEqualTo(201);
  }

  @Test
  void oneUsersStreamsHangingCallsAndTricklingBodiesLeaveOtherUsersAndHealthzFast() throws Exception {
    List<HttpResponse<InputStream>> streams = new ArrayList<>();
    List<Integer> refusedStreams = new ArrayList<>();
    List<Socket> tricklers = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        HttpResponse<InputStream> stream = HTTP.send(HttpRequest.newBuilder(
                URI.create(server.url("/mcp/bundle/slow/sse")))
            .header("Authorization", "Bearer " + greedy).header("Accept", "text/event-stream").build(),
            HttpResponse.BodyHandlers.ofInputStream());
        if (stream.statusCode() == 200) {
          streams.add(stream);
        } else {
          refusedStreams.add(stream.statusCode());
          String body = new String(stream.body().readAllBytes(), StandardCharsets.UTF_8);
          assertThat(body).contains("too many open streams", "SWITCHBOARD_MAX_STREAMS_PER_USER");
          assertThat(stream.headers().firstValue("Retry-After")).contains("1");
        }
      }
      long callsStarted = System.nanoTime();
      List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        calls.add(HTTP.sendAsync(mcp(greedy, "slow", call(i, "sloth_hang", "{}")), HttpResponse.BodyHandlers.ofString()));
      }
      upstream.awaitHeld(16, Duration.ofSeconds(10));
      List<String> refusedCalls = new ArrayList<>();
      long deadlineRefused = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (refusedCalls.size() < 8 && System.nanoTime() < deadlineRefused) {
        refusedCalls.clear();
        calls.stream().filter(CompletableFuture::isDone).forEach(f -> refusedCalls.add(f.join().body()));
        Thread.sleep(20);
      }
      HttpResponse<String> anonymous = fillTheAnonymousCap(tricklers);

      long healthz = timed(() -> assertThat(new Api(server, null).get("/healthz").status()).isEqualTo(200));
      long[] sum = new long[1];
      long calculator = timed(() -> {
        JsonNode result = send(mcp(polite, "maths", call(1, "calculator_add", "{\"a\":2,\"b\":3}")));
        assertThat(result.path("result").path("isError").asBoolean()).as(result.toString()).isFalse();
        sum[0] = result.path("result").path("structuredContent").path("result").asLong(-1);
      });
      Api greedyApi = new Api(server, greedy);
      String slothCredential = greedyApi.get("/api/v1/credentials?provider=sloth").json().path("items").get(0)
          .path("id").asString();
      Api.Answer verify = greedyApi.post("/api/v1/credentials/" + slothCredential + "/verify", Map.of());
      JsonNode batch = send(mcp(greedy, "slow", "[" + call(100, "sloth_hang", "{}") + ","
          + call(101, "sloth_hang", "{}") + "]"));
      System.out.printf("isolation: healthz %d ms, other user's calculator call %d ms%n", healthz, calculator);

      assertThat(refusedStreams).hasSize(4).containsOnly(429);
      assertThat(upstream.mostHeld()).isEqualTo(16);
      assertThat(refusedCalls).hasSize(8).allSatisfy(body -> assertThat(body)
          .contains("too many tool calls in flight", "SWITCHBOARD_MAX_CALLS_PER_USER_PROVIDER", "\"isError\":true"));
      assertThat(healthz).isLessThan(OTHER_USER_BOUND_MS);
      assertThat(calculator).isLessThan(OTHER_USER_BOUND_MS);
      assertThat(sum[0]).isEqualTo(5);
      assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(429);
      assertThat(anonymous.headers().firstValue("Retry-After")).contains("1");
      assertThat(anonymous.body()).contains("SWITCHBOARD_MAX_ANONYMOUS_BODIES");
      assertThat(verify.status()).as(verify.body()).isEqualTo(429);
      assertThat(verify.errorCode()).isEqualTo("too_many_calls");
      assertThat(verify.raw().headers().firstValue("Retry-After")).contains("1");
      assertThat(greedyApi.get("/api/v1/credentials/" + slothCredential).json().path("verification").asString())
          .isEqualTo("VERIFIED");
      assertThat(batch.size()).isEqualTo(2);
      batch.forEach(item -> assertThat(item.path("result").path("content").get(0).path("text").asString())
          .contains("SWITCHBOARD_MAX_CALLS_PER_USER_PROVIDER"));

      // the held calls end at the deadline with "timed out", never much later
      for (CompletableFuture<HttpResponse<String>> held : calls) {
        String body = held.get(CALL_TIMEOUT_MS + 10_000, TimeUnit.MILLISECONDS).body();
        if (!body.contains("too many tool calls")) {
          assertThat(body).contains("provider timed out", "timed out after");
        }
      }
      long callsMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - callsStarted);
      assertThat(callsMillis).isLessThan(CALL_TIMEOUT_MS + 5_000L);
      // the trickling bodies were cut at the body deadline
      for (Socket trickler : tricklers) {
        assertThat(closedWithin(trickler, BODY_TIMEOUT_MS + 5_000)).isTrue();
      }
    } finally {
      for (HttpResponse<InputStream> stream : streams) {
        stream.body().close();
      }
      for (Socket trickler : tricklers) {
        trickler.close();
      }
    }
  }

  @Test
  void aHeaderThatDoesNotAuthenticateDoesNotEscapeTheCapOnBodiesWithoutACredential() throws Exception {
    List<Socket> tricklers = new ArrayList<>();
    try {
      HttpResponse<String> anonymous = fillTheAnonymousCap(tricklers);
      assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(429);

      for (String[] header : new String[][] {{"Cookie", "theme=dark"}, {"Cookie", "sb_session=forged"},
          {"Authorization", "Bearer sb_pat_forged"}, {"Authorization", "Bearer sb_oat_forged"},
          {"Authorization", "Basic eDp5"}}) {
        HttpResponse<String> forged = signIn(header);
        assertThat(forged.statusCode()).as(header[0] + ": " + header[1] + " → " + forged.body()).isEqualTo(429);
        assertThat(forged.body()).contains("SWITCHBOARD_MAX_ANONYMOUS_BODIES");
      }
      // a live token is a credential: its body is read while the cap is full
      JsonNode result = send(mcp(polite, "maths", call(7, "calculator_add", "{\"a\":1,\"b\":1}")));
      assertThat(result.path("result").path("isError").asBoolean(true)).as(result.toString()).isFalse();
    } finally {
      for (Socket trickler : tricklers) {
        trickler.close();
      }
    }
  }

  @Test
  void theItemsOfABatchShareOneDeadline() {
    long started = System.nanoTime();

    JsonNode batch = send(mcp(greedy, "slow", "[" + call(1, "sloth_hang", "{}") + ","
        + call(2, "sloth_hang", "{}") + "," + call(3, "sloth_hang", "{}") + "]"));

    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    assertThat(batch.size()).isEqualTo(3);
    batch.forEach(item -> assertThat(item.path("result").path("content").get(0).path("text").asString())
        .contains("timed out"));
    // three items one after the other within one 8 s deadline, not 3 × 8 s
    assertThat(millis).isBetween((long) CALL_TIMEOUT_MS - 500, CALL_TIMEOUT_MS + 4_000L);
  }

  /** A failed sign-in, with {@code headers} (name, value, …) added. */
  static HttpResponse<String> signIn(String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url("/api/v1/session")))
        .header("Content-Type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request
        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"x@example.com\",\"password\":\"nope\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String call(int id, String tool, String arguments) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
        + tool + "\",\"arguments\":" + arguments + "}}";
  }

  /** A stateless-compatible POST in protocol 2025-03-26, which still had batches. */
  static HttpRequest mcp(String token, String bundle, String body) {
    return HttpRequest.newBuilder(URI.create(server.url("/mcp/bundle/" + bundle)))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream").header("MCP-Protocol-Version", "2025-03-26")
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  static JsonNode send(HttpRequest request) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return Api.JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Opens 40 trickling sign-ins (added to {@code tricklers}, for the caller to close), more than the
   * cap on bodies without a credential, and returns the first sign-in answered 429 (or the last
   * tried, after 2 s).
   */
  static HttpResponse<String> fillTheAnonymousCap(List<Socket> tricklers) throws IOException, InterruptedException {
    for (int i = 0; i < 40; i++) {
      tricklers.add(trickle());
    }
    // the tricklers' requests reach the server a moment after their bytes left: give them that
    // moment (a sign-in probing earlier holds a slot and turns a trickler away), then ask
    Thread.sleep(500);
    HttpResponse<String> anonymous = signIn();
    for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        anonymous.statusCode() != 429 && System.nanoTime() < until; ) {
      Thread.sleep(50);
      anonymous = signIn();
    }
    return anonymous;
  }

  /** An anonymous sign-in whose body promises 1,000 bytes and sends one. */
  static Socket trickle() throws IOException {
    URI uri = URI.create(server.url("/api/v1/session"));
    Socket socket = new Socket(uri.getHost(), uri.getPort());
    socket.setSoTimeout(1_000);
    OutputStream out = socket.getOutputStream();
    out.write(("POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  /** Whether the server closed (or answered and closed) the connection within {@code millis}. */
  static boolean closedWithin(Socket socket, long millis) throws IOException {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[4096];
    while (System.nanoTime() < until) {
      try {
        if (in.read(buffer) < 0) {
          return true;
        }
      } catch (SocketTimeoutException e) {
        continue;
      } catch (IOException e) {
        return true; // reset by the server
      }
    }
    return false;
  }

  static long timed(Runnable action) {
    long start = System.nanoTime();
    action.run();
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }
}
