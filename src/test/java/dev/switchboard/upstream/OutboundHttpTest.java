package dev.switchboard.upstream;

import static dev.switchboard.testing.LocalHttpServer.answer;
import static dev.switchboard.upstream.OutboundClients.inSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.testing.LocalHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbound client against real servers on 127.0.0.1 (and ::1). */
class OutboundHttpTest {
  private final LocalHttpServer server = LocalHttpServer.start();
  private final OutboundClients clients = new OutboundClients(Map.of("upstream.test", "127.0.0.1"));
  private final OutboundHttp http = clients.allowing("127.0.0.1/32");

  @AfterEach
  void stop() {
    clients.close();
    server.close();
  }

  @Test
  void returnsStatusHeadersAndBodyAndSendsMethodHeadersAndBody() {
    server.on("/items", answer(201, "{\"id\":7}", "Content-Type", "application/json", "X-Request-Id", "r1"));

    HttpResult result = http.send(HttpCall.get(URI.create(server.url("/items?page=2")), inSeconds(5), 1024)
        .withMethod("post")
        .withHeader("Authorization", "Bearer sk_test")
        .withHeader("Accept", "application/json")
        .withBody("{\"name\":\"a\"}".getBytes(StandardCharsets.UTF_8), "application/json"));

    assertThat(result.status()).isEqualTo(201);
    assertThat(result.bodyText()).isEqualTo("{\"id\":7}");
    assertThat(result.contentType()).contains("application/json");
    assertThat(result.header("x-request-id")).contains("r1");
    assertThat(result.truncated()).isFalse();
    LocalHttpServer.Recorded request = server.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.pathAndQuery()).isEqualTo("/items?page=2");
    assertThat(request.header("Authorization")).isEqualTo("Bearer sk_test");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.header("User-Agent")).isEqualTo("Switchboard");
    assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"a\"}");
  }

  @Test
  void rateLimitedAnswerComesBackAsA429WithItsRetryAfter() {
    server.on("/", answer(429, "slow down", "Retry-After", "7"));

    HttpResult result = http.send(HttpCall.get(URI.create(server.url("/")), inSeconds(5), 1024));

    assertThat(result.status()).isEqualTo(429);
    assertThat(result.header("Retry-After")).contains("7");
    assertThat(result.bodyText()).isEqualTo("slow down");
  }

  @Test
  void anAuthenticationChallengeComesBackToTheCallerAsIs() {
    String large = "x".repeat(100_000);
    server.on("/", answer(401, large, "WWW-Authenticate", "Basic realm=\"api\""));

    HttpResult result = http.send(HttpCall.get(URI.create(server.url("/")), inSeconds(5), 200_000));

    assertThat(result.status()).isEqualTo(401);
    assertThat(result.header("WWW-Authenticate")).contains("Basic realm=\"api\"");
    assertThat(result.body()).hasSize(100_000);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void refusesALoopbackUpstreamThatIsNotAllowListedWithoutConnecting() {
    server.on("/", answer(200, "secret"));
    OutboundHttp closed = clients.allowing("");

    assertThatThrownBy(() -> closed.send(HttpCall.get(URI.create(server.url("/")), inSeconds(5), 1024)))
        .isInstanceOf(OutboundBlockedException.class)
        .hasMessageContaining("refused: it is a loopback address 127.0.0.1");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void connectsOnlyToTheAddressTheGuardCheckedForAName() {
    server.on("/", answer(200, "ok"));
    URI byName = URI.create("http://upstream.test:" + server.port() + "/");

    assertThatThrownBy(() -> clients.allowing("").send(HttpCall.get(byName, inSeconds(5), 1024)))
        .isInstanceOf(OutboundBlockedException.class)
        .hasMessageStartingWith("outbound request to upstream.test refused: it resolves to a loopback "
            + "address 127.0.0.1");
    assertThat(server.requests()).isEmpty();

    HttpResult allowed = clients.allowing("upstream.test").send(HttpCall.get(byName, inSeconds(5), 1024));

    assertThat(allowed.bodyText()).isEqualTo("ok");
    assertThat(server.requests().get(0).header("Host")).isEqualTo("upstream.test:" + server.port());
  }

  @Test
  void aNameWithoutAnAnswerIsAnUnreachableUpstream() {
    URI unknown = URI.create("http://nowhere.test:" + server.port() + "/");

    UpstreamUnavailableException e = catchThrowableOfType(UpstreamUnavailableException.class,
        () -> clients.allowing("nowhere.test").send(HttpCall.get(unknown, inSeconds(5), 1024)));

    assertThat(e.failure()).isEqualTo(UpstreamUnavailableException.Failure.DNS);
    assertThat(e).hasMessage("cannot resolve nowhere.test (DNS lookup failed)");
  }

  @Test
  void aRefusedConnectionIsAnUnreachableUpstream() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }

    UpstreamUnavailableException e = catchThrowableOfType(UpstreamUnavailableException.class,
        () -> http.send(HttpCall.get(URI.create("http://127.0.0.1:" + closedPort + "/x?key=sk_1"),
            inSeconds(5), 1024)));

    assertThat(e.code()).isEqualTo("upstream_unreachable");
    assertThat(e.failure()).isEqualTo(UpstreamUnavailableException.Failure.CONNECT);
    assertThat(e).hasMessage("cannot connect to 127.0.0.1:" + closedPort + " (connection refused or unreachable)");
  }

  @Test
  void aFailedTlsHandshakeIsAnUnreachableUpstream() throws Exception {
    try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Thread answerer = new Thread(() -> {
        try (Socket socket = plain.accept()) {
          // Answer the ClientHello with plain HTTP, then hold the connection until the client
          // gives up: closing first would race the client into seeing an early EOF instead.
          socket.setSoTimeout(5000);
          socket.getInputStream().read();
          socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          socket.getOutputStream().flush();
          socket.getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException ignored) {
          // the test ends either way
        }
      });
      answerer.setDaemon(true);
      answerer.start();
      URI https = URI.create("https://127.0.0.1:" + plain.getLocalPort() + "/?key=sk_live_1");

      UpstreamUnavailableException e = catchThrowableOfType(UpstreamUnavailableException.class,
          () -> http.send(HttpCall.get(https, inSeconds(5), 1024)));

      // Jetty reports a handshake answered with plain text either as the TLS error itself or, when
      // the engine closes the connection while the ClientHello is still being flushed, as an EOF.
      assertThat(e.code()).isEqualTo("upstream_unreachable");
      assertThat(e.failure()).as(e.getMessage())
          .isIn(UpstreamUnavailableException.Failure.TLS, UpstreamUnavailableException.Failure.BROKEN);
      assertThat(e.getMessage()).contains("127.0.0.1:" + plain.getLocalPort()).doesNotContain("sk_live_1");
    }
  }

  @Test
  void cookiesSetByOneCallAreNeverSentOnAnother() {
    server.on("/login", answer(200, "", "Set-Cookie", "session=user-a; Path=/"));
    server.on("/me", answer(200, "who?"));

    http.send(HttpCall.get(URI.create(server.url("/login")), inSeconds(5), 1024));
    http.send(HttpCall.get(URI.create(server.url("/me")), inSeconds(5), 1024));

    assertThat(server.requests().get(1).header("Cookie")).isNull();
  }

  @Test
  void framingHeadersFromTheCallerAreIgnored() {
    server.on("/", answer(200, "ok"));

    http.send(HttpCall.get(URI.create(server.url("/")), inSeconds(5), 1024)
        .withHeader("Host", "internal.example")
        .withHeader("Transfer-Encoding", "chunked")
        .withHeader("X-Custom", "kept"));

    LocalHttpServer.Recorded request = server.requests().get(0);
    assertThat(request.header("Host")).isEqualTo("127.0.0.1:" + server.port());
    assertThat(request.header("Transfer-Encoding")).isNull();
    assertThat(request.header("X-Custom")).isEqualTo("kept");
  }

  @Test
  void reachesAnAllowListedIpv6Loopback() throws IOException {
    InetAddress v6 = InetAddress.getByName("::1");
    LocalHttpServer server6;
    try {
      server6 = LocalHttpServer.start(v6);
    } catch (IllegalStateException e) {
      assumeTrue(false, "::1 is not available here");
      return;
    }
    try (server6) {
      server6.on("/", answer(200, "v6"));
      URI uri = URI.create(server6.url("/"));

      assertThatThrownBy(() -> http.send(HttpCall.get(uri, inSeconds(5), 1024)))
          .isInstanceOf(OutboundBlockedException.class)
          .hasMessageContaining("the loopback address ::1");
      assertThat(clients.allowing("::1/128").send(HttpCall.get(uri, inSeconds(5), 1024)).bodyText())
          .isEqualTo("v6");
    }
  }

  @Test
  void sendingBeforeStartIsAProgrammingError() {
    OutboundHttp unstarted = new OutboundHttp(new OutboundGuard(OutboundPolicy.none()));

    assertThatThrownBy(() -> unstarted.send(HttpCall.get(URI.create(server.url("/")), inSeconds(5), 1)))
        .isInstanceOf(IllegalStateException.class);
  }
}
