package dev.switchboard.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Keeps slow request bodies from holding the server (issue 12): every body must arrive in full
 * within {@code bodyTimeout} of the request's headers, or the connection is closed (a body that
 * trickles one byte every few seconds never passes Jetty's idle timeout on its own); and at most
 * {@code anonymousMax} requests that carry a body but no credential that authenticates ({@link
 * KnownCallers}: a live access token or session, not merely an {@code Authorization} or cookie
 * header) are served at once, the next ones answered 429 with {@code Retry-After} without reading
 * their body. Requests with credentials are authenticated from their headers before their body is
 * read (MCP and REST routes), so a bad token is refused without waiting for the body. Thread safe.
 */
final class BodyGuard extends Handler.Wrapper {
  private final long bodyTimeoutMillis;
  private final Semaphore anonymous;
  private final int anonymousMax;
  private final KnownCallers callers;

  /** {@code anonymousMax} zero or less: no cap on anonymous bodies. */
  BodyGuard(Duration bodyTimeout, int anonymousMax, KnownCallers callers) {
    this.bodyTimeoutMillis = bodyTimeout.toMillis();
    this.anonymousMax = anonymousMax;
    this.anonymous = new Semaphore(Math.max(0, anonymousMax));
    this.callers = callers;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!hasBody(request)) {
      return super.handle(request, response, callback);
    }
    boolean counted = anonymousMax > 0 && isAnonymous(request);
    if (counted && !anonymous.tryAcquire()) {
      refuse(request, response, callback);
      return true;
    }
    Scheduler.Task timer = getServer().getScheduler().schedule(
        () -> request.getConnectionMetaData().getConnection().getEndPoint().close(),
        bodyTimeoutMillis, TimeUnit.MILLISECONDS);
    AtomicBoolean released = new AtomicBoolean();
    Runnable done = () -> {
      timer.cancel();
      if (counted && released.compareAndSet(false, true)) {
        anonymous.release();
      }
    };
    Request guarded = new Request.Wrapper(request) {
      @Override
      public Content.Chunk read() {
        Content.Chunk chunk = super.read();
        if (chunk != null && (chunk.isLast() || Content.Chunk.isFailure(chunk))) {
          timer.cancel(); // the body is in: the deadline covered only its arrival
        }
        return chunk;
      }
    };
    try {
      boolean handled = super.handle(guarded, response, Callback.from(callback, done));
      if (!handled) {
        done.run();
      }
      return handled;
    } catch (Exception | Error e) {
      done.run();
      throw e;
    }
  }

  private static boolean hasBody(Request request) {
    return request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH) > 0
        || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
  }

  private boolean isAnonymous(Request request) {
    String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    String session = null;
    if (authorization == null && request.getHeaders().contains(HttpHeader.COOKIE)) {
      for (HttpCookie cookie : Request.getCookies(request)) {
        if (cookie.getName().equals(Authenticator.SESSION_COOKIE)) {
          session = cookie.getValue();
        }
      }
    }
    return authorization == null && session == null || !callers.known(authorization, session);
  }

  private void refuse(Request request, Response response, Callback callback) {
    String message = "too many requests without credentials are sending a body (limit " + anonymousMax
        + ", SWITCHBOARD_MAX_ANONYMOUS_BODIES); try again shortly";
    String body = request.getHttpURI().getPath().startsWith("/mcp/")
        ? "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32000,\"message\":\"" + message + "\"}}"
        : "{\"error\":{\"code\":\"too_many_anonymous_requests\",\"message\":\"" + message + "\"}}";
    response.setStatus(429);
    response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    // the body is never read: closing the connection is the only way to leave it behind
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }
}
