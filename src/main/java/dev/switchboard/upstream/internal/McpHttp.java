package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.Header;
import dev.switchboard.upstream.HttpCall;
import dev.switchboard.upstream.OutboundGuard;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpFields;

/**
 * The streaming twin of {@link dev.switchboard.upstream.OutboundHttp} for remote MCP servers: the
 * same guarded Jetty client ({@link JettyClients}: the guard checks every URL and resolves every
 * address, no redirects, cookies or authentication retries), but answers are delivered as they
 * arrive, so a server-sent event stream can be read event by event and kept open. Started on first
 * use; thread safe.
 */
public final class McpHttp implements AutoCloseable {
  /** Connections per server: each legacy SSE session holds one for its event stream. */
  private static final int MAX_CONNECTIONS_PER_SERVER = 1024;

  private final OutboundGuard guard;
  private final Clock clock;
  private HttpClient client;
  private boolean closed;

  public McpHttp(OutboundGuard guard, Clock clock) {
    this.guard = guard;
    this.clock = clock;
  }

  public OutboundGuard guard() {
    return guard;
  }

  public Clock clock() {
    return clock;
  }

  /**
   * Sends {@code call} without waiting; of headers with the same name the last one is sent. Events
   * of a 2xx {@code text/event-stream} answer go to {@code events} on a client thread, in order;
   * they must not block.
   *
   * @param streamIdleMillis 0 for a request that must end by the call's deadline; otherwise a
   *     long-lived stream with no deadline that ends after this long without a byte
   * @throws dev.switchboard.upstream.OutboundBlockedException when the guard refuses the URL
   */
  OpenExchange send(HttpCall call, Consumer<SseEvent> events, long streamIdleMillis) {
    URI uri = guard.check(call.uri().toString());
    HttpClient started = client();
    boolean hasBody = call.body().length > 0;
    Request request = started.newRequest(uri)
        .method(call.method())
        .followRedirects(false)
        .headers(fields -> call.headers().forEach(h -> put(fields, h, hasBody)));
    if (streamIdleMillis > 0) {
      request.idleTimeout(streamIdleMillis, TimeUnit.MILLISECONDS);
    } else {
      Budget budget = Budget.until(clock, call.deadline());
      if (budget.leftMillis() <= 0) {
        throw budget.timedOut(uri);
      }
      request.timeout(budget.leftMillis(), TimeUnit.MILLISECONDS);
    }
    if (hasBody) {
      request.body(new BytesRequestContent(call.contentType().orElse("application/json"), call.body()));
    }
    StreamingResponse response = new StreamingResponse(call.maxResponseBytes(), events);
    request.send(response);
    return new OpenExchange(request, response, uri, started.getScheduler());
  }

  /** Stops the client; exchanges in flight and open streams fail. Calling it again does nothing. */
  @Override
  public synchronized void close() {
    closed = true;
    if (client != null) {
      try {
        client.stop();
      } catch (Exception e) {
        throw new IllegalStateException("the remote MCP client did not stop cleanly", e);
      } finally {
        client = null;
      }
    }
  }

  private synchronized HttpClient client() {
    if (closed) {
      throw new IllegalStateException("the remote MCP client is closed");
    }
    if (client == null) {
      client = JettyClients.start(guard);
      client.setMaxConnectionsPerDestination(MAX_CONNECTIONS_PER_SERVER);
    }
    return client;
  }

  private static void put(HttpFields.Mutable fields, Header header, boolean hasBody) {
    if (RequestHeaders.sent(header.name(), hasBody)) {
      fields.put(header.name(), header.value());
    }
  }
}
