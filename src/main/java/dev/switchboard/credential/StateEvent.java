package dev.switchboard.credential;

import java.time.Instant;

/**
 * The events that change a credential's state, each applied by {@link CurrentCredential#apply}
 * (the table of docs/credentials.md). Saving is the insert of an ACTIVE, UNVERIFIED row and a
 * refresh that fails for now changes no state, so neither is an event here.
 */
sealed interface StateEvent {
  /** Its validation tool is about to run. */
  record ValidationStarted() implements StateEvent { }

  /** Its validation was refused before anything ran: the state goes back to {@code before}. */
  record ValidationAbandoned(Credential before) implements StateEvent { }

  /** Its validation passed at {@code at}. */
  record ValidationPassed(Instant at) implements StateEvent { }

  /** Its validation failed with {@code code} and {@code reason}. */
  record ValidationFailed(String code, String reason) implements StateEvent { }

  /** A tool call was rejected and the rejection confirmed. */
  record CallRejectedConfirmed(String code, String reason) implements StateEvent { }

  /** An OAuth refresh failed for good. */
  record RefreshFailedForGood(String reason) implements StateEvent { }

  /** New OAuth tokens replaced the old ones (stored by the caller in the same transaction). */
  record Reauthorized() implements StateEvent { }

  record Disabled() implements StateEvent { }

  record Enabled() implements StateEvent { }

  record Deleted() implements StateEvent { }

  record MadeCurrent() implements StateEvent { }
}
