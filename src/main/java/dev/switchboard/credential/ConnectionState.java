package dev.switchboard.credential;

import java.util.Collection;

/**
 * The state of a provider for one user, derived from that user's ACTIVE credentials of it
 * (DESIGN.md §4, seeds "Connection States"). Disabled credentials do not count.
 */
public enum ConnectionState {
  /** The current credential is ACTIVE and VERIFIED. */
  CONNECTED,
  /** A mix of failed and not yet verified credentials. */
  ATTENTION,
  /** Every credential failed, at least one with ERROR. */
  ERROR,
  /** Every credential is EXPIRED: re-authorize. */
  EXPIRED,
  /** Credentials exist, none tested yet. */
  UNVERIFIED,
  /** No (active) credential. */
  NONE;

  /**
   * The state for the verification outcomes of one user's ACTIVE credentials of one provider.
   *
   * @param currentUsable whether the provider's current credential is ACTIVE and VERIFIED; without
   *     it a VERIFIED credential that is not current gives ATTENTION, never CONNECTED
   */
  public static ConnectionState of(Collection<Verification> active, boolean currentUsable) {
    if (active.isEmpty()) {
      return NONE;
    }
    if (active.contains(Verification.VERIFIED)) {
      return currentUsable ? CONNECTED : ATTENTION;
    }
    long failed = active.stream().filter(Verification::failed).count();
    if (failed == active.size()) {
      return active.stream().allMatch(v -> v == Verification.EXPIRED) ? EXPIRED : ERROR;
    }
    return failed > 0 ? ATTENTION : UNVERIFIED;
  }
}
