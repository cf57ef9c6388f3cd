package dev.switchboard.credential;

/**
 * Whether a credential is known to work (DESIGN.md §4): saved as UNVERIFIED, PENDING while its
 * validation tool runs, then VERIFIED or ERROR; EXPIRED when an OAuth refresh fails for good.
 */
public enum Verification {
  UNVERIFIED,
  PENDING,
  VERIFIED,
  ERROR,
  EXPIRED;

  /** True for the outcomes that need the person to act (ERROR, EXPIRED). */
  public boolean failed() {
    return this == ERROR || this == EXPIRED;
  }
}
