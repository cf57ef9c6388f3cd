package dev.switchboard.account;

import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;
import java.time.Duration;

/** Sign-in refused because of too many recent failures; {@link #retryAfter()} says when to try again. */
public final class TooManyAttempts extends SwitchboardException {
  private final Duration retryAfter;

  TooManyAttempts(Duration retryAfter) {
    super(ErrorKind.TOO_MANY_REQUESTS, "too_many_attempts",
        "too many failed sign-in attempts; try again in " + retryAfter.toSeconds() + " seconds");
    this.retryAfter = retryAfter;
  }

  /** At least one second. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
