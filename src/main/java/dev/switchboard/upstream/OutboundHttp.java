package dev.switchboard.upstream;

import dev.switchboard.upstream.UpstreamUnavailableException.Failure;
import dev.switchboard.upstream.internal.Failures;
import dev.switchboard.upstream.internal.JettyClients;
import dev.switchboard.upstream.internal.JettyExchange;
import dev.switchboard.upstream.internal.Redirects;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.client.HttpClient;

/**
 * The one outbound HTTP client (DESIGN.md §2, §9): pooled connections that go only to addresses
 * the {@link OutboundGuard} allowed, redirects followed by hand (at most {@value #MAX_REDIRECTS},
 * each target checked again), an absolute deadline over the whole exchange, and a cap on the
 * response body. Any HTTP status is a result; failures are {@link OutboundBlockedException} (the
 * guard refused) or {@link UpstreamUnavailableException} (DNS, connect, TLS, timeout, broken
 * connection, redirect loop), whose messages name the host only.
 *
 * <p>Thread safe; create one, {@link #start()} it, share it, {@link #close()} it at shutdown. No
 * per-call logging: the caller records the outcome.
 */
public final class OutboundHttp implements AutoCloseable {
  /** The most redirects one call follows. */
  public static final int MAX_REDIRECTS = 5;

  private final OutboundGuard guard;
  private final Clock clock;
  private final int connectionsPerHost;
  private volatile HttpClient client;
  private volatile JettyExchange exchange;

  public OutboundHttp(OutboundGuard guard) {
    this(guard, Clock.systemUTC());
  }

  /** {@code clock} turns the calls' absolute deadlines into time left. */
  public OutboundHttp(OutboundGuard guard, Clock clock) {
    this(guard, clock, JettyClients.CONNECTIONS_PER_HOST);
  }

  /**
   * {@code connectionsPerHost}: connections to one destination (scheme, host, port) shared by every
   * user; each user's share is bounded by the per-user and provider call limit, which stays below it.
   */
  public OutboundHttp(OutboundGuard guard, Clock clock, int connectionsPerHost) {
    this.guard = Objects.requireNonNull(guard, "guard");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.connectionsPerHost = connectionsPerHost;
  }

  /** Starts the connection pool; calling it again does nothing. */
  public synchronized void start() {
    if (client == null) {
      client = JettyClients.startNonBlocking(guard);
      client.setMaxConnectionsPerDestination(connectionsPerHost);
      exchange = new JettyExchange(client);
    }
  }

  /**
   * Sends {@code call}, following redirects, and returns the final response.
   *
   * @throws OutboundBlockedException when the guard refuses the URL, an address, or a redirect target
   * @throws UpstreamUnavailableException when the upstream cannot be reached or the deadline passes
   * @throws IllegalStateException when the client is not started
   */
  public HttpResult send(HttpCall call) {
    return send(call, MAX_REDIRECTS);
  }

  /**
   * Sends {@code call} and returns the first response as it is, a redirect included: for
   * fetches where the URL itself is the identity (a client id metadata document).
   */
  public HttpResult sendWithoutRedirects(HttpCall call) {
    return send(call, 0);
  }

  private HttpResult send(HttpCall call, int maxRedirects) {
    JettyExchange current = exchange;
    if (current == null) {
      throw new IllegalStateException("OutboundHttp is not started");
    }
    long budget = millisUntil(call.deadline());
    HttpCall hop = call.withUri(guard.check(call.uri().toString()));
    String from = null;
    for (int redirects = 0; ; redirects++) {
      try {
        long left = millisUntil(call.deadline());
        if (left <= 0) {
          throw Failures.timedOut(hop.uri(), budget);
        }
        HttpResult result = current.send(hop, left, budget);
        if (!Redirects.isRedirect(result.status()) || maxRedirects == 0) {
          return result;
        }
        from = Failures.target(hop.uri());
        Optional<HttpCall> next = Redirects.next(hop, result, guard);
        if (next.isEmpty()) {
          return result;
        }
        if (redirects == maxRedirects) {
          throw new UpstreamUnavailableException(Failure.TOO_MANY_REDIRECTS,
              Failures.target(call.uri()) + " redirected more than " + MAX_REDIRECTS + " times");
        }
        hop = next.get();
      } catch (OutboundBlockedException e) {
        throw from == null ? e : new OutboundBlockedException("redirect from " + from + ": " + e.getMessage());
      }
    }
  }

  /** Stops the pool and closes every connection; calls in flight fail. */
  @Override
  public synchronized void close() {
    HttpClient stopping = client;
    client = null;
    exchange = null;
    if (stopping != null) {
      try {
        stopping.stop();
      } catch (Exception e) {
        throw new IllegalStateException("the outbound HTTP client did not stop cleanly", e);
      }
    }
  }

  private long millisUntil(Instant deadline) {
    return Duration.between(clock.instant(), deadline).toMillis();
  }
}
