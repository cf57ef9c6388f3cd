package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.UpstreamUnavailableException;
import dev.switchboard.upstream.UpstreamUnavailableException.Failure;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An absolute deadline read against a clock, shared by every step of one remote MCP operation
 * (connecting, initializing, every page of a tool list). Immutable.
 *
 * @param totalMillis what the whole operation was given, for the timeout message
 */
public record Budget(Clock clock, Instant deadline, long totalMillis) {

  /** The budget from now until {@code deadline}. */
  public static Budget until(Clock clock, Instant deadline) {
    return new Budget(clock, deadline, Math.max(0, Duration.between(clock.instant(), deadline).toMillis()));
  }

  /** Milliseconds left; zero or less when the deadline has passed. */
  public long leftMillis() {
    return Duration.between(clock.instant(), deadline).toMillis();
  }

  /** "the request to host:port timed out after N ms". */
  public UpstreamUnavailableException timedOut(URI uri) {
    return Failures.timedOut(uri, totalMillis);
  }

  /**
   * Waits for {@code future} until the deadline. A failure is mapped as {@link Failures#map} does
   * (Switchboard's own errors pass through); nothing is cancelled here.
   */
  public <T> T await(CompletableFuture<T> future, URI uri) {
    try {
      long left = leftMillis();
      if (left <= 0 && !future.isDone()) {
        throw timedOut(uri);
      }
      return future.get(Math.max(0, left), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw Failures.map(e.getCause(), uri, totalMillis);
    } catch (TimeoutException e) {
      throw timedOut(uri);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamUnavailableException(Failure.BROKEN,
          "the request to " + Failures.target(uri) + " was interrupted");
    }
  }
}
