package dev.switchboard.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that runs with real time plus whatever a test skipped ahead. Thread safe. */
public final class AdjustableClock extends Clock {
  private volatile Duration skipped = Duration.ZERO;

  /** Moves the clock forward by {@code by}. */
  public void skip(Duration by) {
    skipped = skipped.plus(by);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(skipped);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("UTC only");
  }
}
