package dev.switchboard.upstream;

import static dev.switchboard.upstream.OutboundClients.inSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpHandler;
import dev.switchboard.testing.LocalHttpServer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The deadline covers the whole exchange, and the body cap keeps memory bounded. */
@Timeout(30)
class OutboundHttpLimitsTest {
  private static final int MB = 1024 * 1024;

  private final LocalHttpServer server = LocalHttpServer.start();
  private final OutboundClients clients = new OutboundClients();
  private final OutboundHttp http = clients.allowing("127.0.0.1/32");

  @AfterEach
  void stop() {
    clients.close();
    server.close();
  }

  @Test
  void aSlowlyTricklingBodyEndsAtTheDeadlineWithATimeoutError() {
    server.on("/slow", exchange -> {
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      for (int i = 0; i < 200; i++) { // one byte every 50 ms: ten seconds in all
        out.write('x');
        out.flush();
        pause(50);
      }
    });
    Instant start = Instant.now();

    UpstreamUnavailableException e = catchThrowableOfType(UpstreamUnavailableException.class,
        () -> http.send(HttpCall.get(URI.create(server.url("/slow")), start.plusMillis(700), MB)));

    assertThat(e.code()).isEqualTo("upstream_timeout");
    assertThat(e.failure()).isEqualTo(UpstreamUnavailableException.Failure.TIMEOUT);
    assertThat(e).hasMessageMatching("the request to 127\\.0\\.0\\.1:\\d+ timed out after 0\\.\\d s");
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void anUpstreamThatNeverAnswersEndsAtTheDeadline() {
    server.on("/silent", exchange -> pause(10_000));

    UpstreamUnavailableException e = catchThrowableOfType(UpstreamUnavailableException.class,
        () -> http.send(HttpCall.get(URI.create(server.url("/silent")), Instant.now().plusMillis(300), MB)));

    assertThat(e.failure()).isEqualTo(UpstreamUnavailableException.Failure.TIMEOUT);
  }

  @Test
  void aDeadlineThatHasPassedFailsWithoutSending() {
    server.on("/", LocalHttpServer.answer(200, "late"));

    UpstreamUnavailableException e = catchThrowableOfType(UpstreamUnavailableException.class,
        () -> http.send(HttpCall.get(URI.create(server.url("/")), Instant.now().minusSeconds(1), MB)));

    assertThat(e).hasMessageMatching("the request to 127\\.0\\.0\\.1:\\d+ timed out after 0 s");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void failureMessagesNeverContainThePathQueryOrHeaders() {
    server.on("/", exchange -> pause(10_000));
    HttpCall call = HttpCall.get(URI.create(server.url("/bot_sk_live_1/send?api_key=sk_live_2")),
            Instant.now().plusMillis(300), MB)
        .withHeader("Authorization", "Bearer sk_live_3");

    UpstreamUnavailableException e = catchThrowableOfType(UpstreamUnavailableException.class, () -> http.send(call));

    assertThat(e.getMessage()).doesNotContain("sk_live", "api_key", "bot_");
    assertThat(e.getCause()).isNull();
    assertThat(call.toString()).doesNotContain("sk_live");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aFiftyMegabyteBodyIsCutAtTheCapAndMarkedTruncated(boolean announceLength) throws Exception {
    AtomicLong written = new AtomicLong();
    CountDownLatch finished = new CountDownLatch(1);
    server.on("/big", stream(50L * MB, announceLength, written, finished));

    HttpResult result = http.send(HttpCall.get(URI.create(server.url("/big")), inSeconds(20), MB));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.truncated()).isTrue();
    assertThat(result.body()).hasSize(MB);
    assertThat(allBytesAre(result.body(), (byte) 'a')).isTrue();
    // The client stopped reading: the server could write only what the socket buffers held.
    assertThat(finished.await(15, TimeUnit.SECONDS)).isTrue();
    assertThat(written.get()).isLessThan(25L * MB);
  }

  @Test
  void aBodyExactlyAtTheCapIsComplete() {
    server.on("/exact", stream(MB, true, new AtomicLong(), new CountDownLatch(1)));

    HttpResult result = http.send(HttpCall.get(URI.create(server.url("/exact")), inSeconds(10), MB));

    assertThat(result.truncated()).isFalse();
    assertThat(result.body()).hasSize(MB);
  }

  @Test
  void aCompressedBodyIsCappedAfterDecompression() {
    server.on("/bomb", exchange -> {
      exchange.getResponseHeaders().add("Content-Encoding", "gzip");
      exchange.sendResponseHeaders(200, 0);
      try (GZIPOutputStream out = new GZIPOutputStream(exchange.getResponseBody())) {
        byte[] zeros = new byte[MB];
        for (int i = 0; i < 100; i++) { // 100 MB of zeros, about 100 KB on the wire
          out.write(zeros);
        }
      } catch (IOException expected) {
        // the client hung up once it had enough
      }
    });

    HttpResult result = http.send(HttpCall.get(URI.create(server.url("/bomb")), inSeconds(20), MB));

    assertThat(result.truncated()).isTrue();
    assertThat(result.body()).hasSize(MB);
  }

  private static HttpHandler stream(long size, boolean announceLength, AtomicLong written,
      CountDownLatch finished) {
    return exchange -> {
      try {
        exchange.sendResponseHeaders(200, announceLength ? size : 0);
        OutputStream out = exchange.getResponseBody();
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'a');
        for (long sent = 0; sent < size; sent += chunk.length) {
          out.write(chunk, 0, (int) Math.min(chunk.length, size - sent));
          written.addAndGet(Math.min(chunk.length, size - sent));
        }
        out.close();
      } catch (IOException expected) {
        // the client hung up once it had enough
      } finally {
        finished.countDown();
      }
    };
  }

  private static boolean allBytesAre(byte[] bytes, byte value) {
    for (byte b : bytes) {
      if (b != value) {
        return false;
      }
    }
    return true;
  }

  private static void pause(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("server stopped");
    }
  }
}
