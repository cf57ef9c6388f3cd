package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PostStreamTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void aMessageBeforeTheAnswerTurnsItIntoAnEventStreamEndingWithTheResponse() {
    Recorded call = new Recorded("application/json, text/event-stream");
    PostStream answer = new PostStream(call, JSON);

    answer.accept(message("notifications/progress"));
    assertThat(answer.settle()).isTrue();
    answer.end(message("result"));

    assertThat(call.contentType).isEqualTo("text/event-stream");
    assertThat(call.written()).contains("notifications/progress").endsWith("\"method\":\"result\"}\n\n");
  }

  @Test
  void aMessageAfterTheAnswerWasSettledAsJsonIsDropped() {
    Recorded call = new Recorded("application/json, text/event-stream");
    PostStream answer = new PostStream(call, JSON);

    assertThat(answer.settle()).isFalse();
    answer.accept(message("notifications/progress")); // a late notification from another thread

    assertThat(call.contentType).isNull();
    assertThat(call.written()).isEmpty();
  }

  @Test
  void aClientThatDoesNotAcceptEventStreamsNeverGetsOne() {
    Recorded call = new Recorded("application/json");
    PostStream answer = new PostStream(call, JSON);

    assertThat(answer.allowed()).isFalse();
    answer.accept(message("notifications/progress"));

    assertThat(answer.settle()).isFalse();
    assertThat(call.contentType).isNull();
  }

  @Test
  void aClientThatStopsReadingHoldsOnlyItsOwnWriterAndLosesOnlyWhatOverflowsItsQueue() throws Exception {
    CountDownLatch blocked = new CountDownLatch(1);
    CountDownLatch reading = new CountDownLatch(1);
    Recorded call = new Recorded("text/event-stream");
    call.out = new ByteArrayOutputStream() {
      @Override
      public synchronized void write(byte[] bytes, int offset, int length) {
        blocked.countDown();
        try {
          reading.await(); // a client whose socket buffers are full
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        super.write(bytes, offset, length);
      }
    };
    PostStream answer = new PostStream(call, JSON);
    answer.accept(message("notifications/progress"));
    blocked.await(); // the writer waits for the client with the first message

    Thread upstream = new Thread(() -> { // the upstream client's thread, which must not block
      for (int i = 0; i <= PostStream.MOST_WAITING; i++) {
        answer.accept(message("notifications/progress"));
      }
    });
    upstream.start();
    upstream.join(30_000);
    assertThat(upstream.isAlive()).as("the upstream's thread waited for the client").isFalse();

    reading.countDown();
    assertThat(answer.settle()).isTrue();
    answer.end(message("result"));
    assertThat(call.written().split("notifications/progress", -1)).hasSize(1 + 1 + PostStream.MOST_WAITING);
    assertThat(call.written()).endsWith("\"method\":\"result\"}\n\n");
  }

  private static JsonNode message(String method) {
    return JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method);
  }

  /** A request that only records what its answer became. */
  private static final class Recorded implements WebCall {
    private final Map<String, String> headers = new HashMap<>();
    private ByteArrayOutputStream out = new ByteArrayOutputStream();
    private String contentType;
    private int status = 200;

    Recorded(String accept) {
      headers.put("Accept", accept);
    }

    String written() {
      return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String method() {
      return "POST";
    }

    @Override
    public String path() {
      return "/mcp/hub";
    }

    @Override
    public String header(String name) {
      return headers.get(name);
    }

    @Override
    public void header(String name, String value) {
      headers.put(name, value);
    }

    @Override
    public void status(int status) {
      this.status = status;
    }

    @Override
    public int status() {
      return status;
    }

    @Override
    public long contentLength() {
      return -1;
    }

    @Override
    public InputStream body() {
      return InputStream.nullInputStream();
    }

    @Override
    public OutputStream stream(String type) {
      contentType = type;
      return out;
    }

    @Override
    public void answer(int status, String type, byte[] body) {
      throw new AssertionError("not used by PostStream");
    }
  }
}
