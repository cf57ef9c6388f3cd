package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.Header;
import dev.switchboard.upstream.HttpResult;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Collects one response with a cap on the body: bytes are copied as they arrive into a buffer that
 * never grows beyond the cap; the first byte beyond it aborts the exchange (the connection is
 * closed, not drained) and the result keeps what was read, marked truncated. Jetty calls the
 * listener methods of one exchange one at a time; {@link #result()} completes exactly once. It never
 * blocks, and nothing runs on its future's completion: the outbound client calls it on the thread
 * that reads the socket ({@link JettyClients#startNonBlocking}).
 */
public final class CappedResponse implements Response.Listener {
  private static final int FIRST_CHUNK = 8 * 1024;
  private static final Throwable CAP_REACHED = new CapReached();

  private final int cap;
  private final CompletableFuture<HttpResult> result = new CompletableFuture<>();
  private byte[] buffer = new byte[0];
  private int size;
  private boolean truncated;

  public CappedResponse(int cap) {
    this.cap = cap;
  }

  /** Completes with the result, or exceptionally with Jetty's failure (timeout, I/O, guard). */
  public CompletableFuture<HttpResult> result() {
    return result;
  }

  @Override
  public void onHeaders(Response response) {
    long length = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
    if (length > 0) {
      buffer = new byte[(int) Math.min(length, cap)];
    }
  }

  @Override
  public void onContent(Response response, ByteBuffer content) {
    if (truncated) {
      return;
    }
    int room = cap - size;
    int length = content.remaining();
    append(content, Math.min(room, length));
    if (length > room) {
      truncated = true;
      response.abort(CAP_REACHED);
    }
  }

  @Override
  public void onComplete(Result outcome) {
    if (outcome.isFailed() && !truncated) {
      result.completeExceptionally(outcome.getFailure());
      return;
    }
    try {
      result.complete(toResult(outcome.getResponse()));
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
  }

  private HttpResult toResult(Response response) {
    HttpFields fields = response.getHeaders();
    List<Header> headers = new ArrayList<>(fields.size());
    for (HttpField field : fields) {
      headers.add(new Header(field.getName(), field.getValue() == null ? "" : field.getValue()));
    }
    byte[] body = buffer.length == size ? buffer : Arrays.copyOf(buffer, size);
    return new HttpResult(response.getStatus(), headers, body,
        Optional.ofNullable(fields.get(HttpHeader.CONTENT_TYPE)), truncated);
  }

  private void append(ByteBuffer content, int length) {
    if (length == 0) {
      return;
    }
    if (size + length > buffer.length) {
      long grown = Math.max((long) size + length, Math.max(FIRST_CHUNK, buffer.length * 2L));
      buffer = Arrays.copyOf(buffer, (int) Math.min(grown, cap));
    }
    content.get(buffer, size, length);
    size += length;
  }

  /** The marker the exchange is aborted with when the cap is reached; no stack trace. */
  private static final class CapReached extends Exception {
    private static final long serialVersionUID = 1L;

    CapReached() {
      super("response body cap reached", null, false, false);
    }
  }
}
