package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.RemoteMcpException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;

/**
 * Receives one response of an MCP server as it arrives: the head as soon as the headers are in; the
 * {@code text/event-stream} body of a 2xx answer event by event (each event at most the cap, so a
 * stream may run as long as its exchange lives); any other body collected up to the cap. More than
 * the cap aborts the exchange with a {@link RemoteMcpException}. Jetty calls the listener methods
 * of one exchange one at a time; the futures complete exactly once.
 */
final class StreamingResponse implements Response.Listener {
  private final int cap;
  private final Consumer<SseEvent> events;
  private final CompletableFuture<ResponseHead> head = new CompletableFuture<>();
  private final CompletableFuture<byte[]> ended = new CompletableFuture<>();
  private volatile SseParser parser;
  private byte[] buffer = new byte[0];
  private int size;

  StreamingResponse(int cap, Consumer<SseEvent> events) {
    this.cap = cap;
    this.events = events;
  }

  CompletableFuture<ResponseHead> head() {
    return head;
  }

  /** Completes with the collected body (empty for an event stream) when the response ends. */
  CompletableFuture<byte[]> ended() {
    return ended;
  }

  /** The event stream's parser, or null when the body is not one. */
  SseParser parser() {
    return parser;
  }

  @Override
  public void onHeaders(Response response) {
    ResponseHead received = ResponseHead.of(response);
    if (received.isSuccess() && received.isEventStream()) {
      parser = new SseParser(cap, events);
    }
    head.complete(received);
  }

  @Override
  public void onContent(Response response, ByteBuffer content) {
    try {
      SseParser stream = parser;
      if (stream != null) {
        stream.feed(content);
      } else {
        append(content);
      }
    } catch (RuntimeException e) {
      response.abort(e);
    }
  }

  @Override
  public void onComplete(Result result) {
    if (result.isFailed()) {
      head.completeExceptionally(result.getFailure());
      ended.completeExceptionally(result.getFailure());
    } else {
      ended.complete(size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
    }
  }

  private void append(ByteBuffer content) {
    int length = content.remaining();
    if (length > cap - size) {
      throw RemoteMcpException.protocol("the MCP server sent a message larger than " + cap
          + " bytes, the most Switchboard accepts for one message");
    }
    if (size + length > buffer.length) {
      buffer = Arrays.copyOf(buffer, (int) Math.min(cap, Math.max(size + length, buffer.length * 2L + 1024)));
    }
    content.get(buffer, size, length);
    size += length;
  }
}
