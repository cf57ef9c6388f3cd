package dev.switchboard.upstream.internal;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A request sent to an MCP server whose response is still arriving: wait for its head or its end
 * within a budget, or abort it. Waiting past the budget aborts the exchange. Thread safe.
 */
final class OpenExchange {
  private static final Throwable CLOSED = new ClosedBySwitchboard();

  private final Request request;
  private final StreamingResponse response;
  private final URI uri;
  private final Scheduler scheduler;

  OpenExchange(Request request, StreamingResponse response, URI uri, Scheduler scheduler) {
    this.request = request;
    this.response = response;
    this.uri = uri;
    this.scheduler = scheduler;
  }

  public URI uri() {
    return uri;
  }

  /** Status and headers, once they have arrived. */
  public ResponseHead head(Budget budget) {
    return await(response.head(), budget);
  }

  /** Status and headers if they have arrived, without waiting. */
  public Optional<ResponseHead> headNow() {
    return response.head().isDone() && !response.head().isCompletedExceptionally()
        ? Optional.of(response.head().join()) : Optional.empty();
  }

  /** The whole body once the response has ended (empty for an event stream). */
  public byte[] body(Budget budget) {
    return await(response.ended(), budget);
  }

  /** The body, or nothing when it cannot be read in time: for quoting an error answer. */
  public byte[] bodyOrEmpty(Budget budget) {
    try {
      return body(budget);
    } catch (RuntimeException e) {
      return new byte[0];
    }
  }

  /** Completes when the response ends, exceptionally when the exchange fails. */
  public CompletableFuture<byte[]> ended() {
    return response.ended();
  }

  /** Waits for {@code future}; aborts this exchange when that fails or the budget runs out. */
  public <T> T await(CompletableFuture<T> future, Budget budget) {
    try {
      return budget.await(future, uri);
    } catch (RuntimeException e) {
      abort();
      throw e;
    }
  }

  /** The id of the last event of an event-stream body, empty when none. */
  public String lastEventId() {
    SseParser parser = response.parser();
    return parser == null ? "" : parser.lastEventId();
  }

  /** The reconnection delay the stream asked for, or -1. */
  public long retryMillis() {
    SseParser parser = response.parser();
    return parser == null ? -1 : parser.retryMillis();
  }

  /** Ends the exchange now (closing its connection if the response is still arriving). */
  public void abort() {
    if (!response.ended().isDone()) {
      request.abort(CLOSED);
    }
  }

  /** Lets the response end by itself for {@code millis}, then aborts it. */
  public void abortAfter(long millis) {
    if (!response.ended().isDone()) {
      scheduler.schedule(this::abort, millis, TimeUnit.MILLISECONDS);
    }
  }

  /** The reason an exchange is aborted on purpose; no stack trace. */
  private static final class ClosedBySwitchboard extends Exception {
    private static final long serialVersionUID = 1L;

    ClosedBySwitchboard() {
      super("closed by Switchboard", null, false, false);
    }
  }
}
