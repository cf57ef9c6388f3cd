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
import java.util.concurrent.atomic.AtomicReference;

/**
 * The deadline shared by every step of one remote MCP operation (connecting, initializing, every
 * page of a tool list, a call), read against a clock. A call's budget may be <em>extended by
 * progress</em>: each {@code notifications/progress} the server sends for it ({@link #progressed})
 * moves the deadline to the call's full timeout from then, never past the call's hard limit; the
 * exchanges of such a call are sent with that hard limit ({@link #deadline()}) and waiting uses the
 * moving deadline. Thread safe.
 */
public final class Budget {
  private final Clock clock;
  private final Instant started;
  private final Duration span;
  private final Instant limit;
  private final AtomicReference<Instant> due;

  private Budget(Clock clock, Instant deadline, Instant limit) {
    this.clock = clock;
    this.started = clock.instant();
    this.span = Duration.between(started, deadline);
    this.limit = limit.isBefore(deadline) ? deadline : limit;
    this.due = new AtomicReference<>(deadline);
  }

  /** The budget from now until {@code deadline}. */
  public static Budget until(Clock clock, Instant deadline) {
    return new Budget(clock, deadline, deadline);
  }

  /**
   * The budget from now until {@code deadline}, which progress from the server moves to
   * {@code deadline - now} after the progress, up to {@code now + maximum}.
   */
  public static Budget extensible(Clock clock, Instant deadline, Duration maximum) {
    return new Budget(clock, deadline, clock.instant().plus(maximum));
  }

  /** The latest moment an exchange of this operation may last to: its hard limit. */
  public Instant deadline() {
    return limit;
  }

  /** The server reported progress: the deadline moves to the full span from now, up to the hard limit. */
  public void progressed() {
    Instant next = clock.instant().plus(span);
    Instant capped = next.isAfter(limit) ? limit : next;
    due.accumulateAndGet(capped, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** Milliseconds left; zero or less when the deadline has passed. */
  public long leftMillis() {
    return Duration.between(clock.instant(), due.get()).toMillis();
  }

  /** "the request to host:port timed out after N s", N being the time the operation had. */
  public UpstreamUnavailableException timedOut(URI uri) {
    return Failures.timedOut(uri, Math.max(0, Duration.between(started, due.get()).toMillis()));
  }

  /**
   * Waits for {@code future} until the deadline, waiting on while progress moves it. A failure is
   * mapped as {@link Failures#map} does (Switchboard's own errors pass through); nothing is cancelled here.
   */
  public <T> T await(CompletableFuture<T> future, URI uri) {
    try {
      while (true) {
        Instant waitedFor = due.get();
        long left = Duration.between(clock.instant(), waitedFor).toMillis();
        if (left <= 0 && !future.isDone()) {
          if (due.get().isAfter(waitedFor)) {
            continue;
          }
          throw timedOut(uri);
        }
        try {
          return future.get(Math.max(0, left), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          if (!due.get().isAfter(waitedFor)) {
            throw timedOut(uri);
          }
        }
      }
    } catch (ExecutionException e) {
      throw Failures.map(e.getCause(), uri, Math.max(0, Duration.between(started, due.get()).toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamUnavailableException(Failure.BROKEN,
          "the request to " + Failures.target(uri) + " was interrupted");
    }
  }
}
