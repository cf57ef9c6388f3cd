package dev.switchboard.sql.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The time one call may still use, from its absolute deadline (none: only the configured limits
 * apply). Every timeout of the call is the configured one or what is left, whichever is shorter.
 */
public record CallBudget(Instant deadline, Clock clock) {
  private static final Duration CANCEL_MARGIN = Duration.ofMillis(200);
  private static final Duration READ_MARGIN = Duration.ofSeconds(1);

  /** What is left before the deadline; zero or negative when it has passed. */
  public Duration remaining() {
    return deadline == null ? Duration.ofDays(1) : Duration.between(clock.instant(), deadline);
  }

  /** True when no meaningful time is left (less than 50 ms). */
  public boolean exhausted() {
    return remaining().toMillis() < 50;
  }

  /** The configured connect timeout, shortened to what is left. */
  public Duration connectTimeout(Duration configured) {
    return min(configured, remaining());
  }

  /** The server-side statement timeout: the configured one, or a little less than what is left. */
  public Duration statementTimeout(Duration configured) {
    Duration left = remaining().minus(CANCEL_MARGIN);
    return min(configured, left.toMillis() < 1 ? Duration.ofMillis(1) : left);
  }

  /** The socket read timeout, a backstop that lets the server's own timeout answer first. */
  public int networkTimeoutMillis(Duration configuredStatementTimeout) {
    long millis = statementTimeout(configuredStatementTimeout).plus(READ_MARGIN).toMillis();
    return (int) Math.min(Integer.MAX_VALUE, millis);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
