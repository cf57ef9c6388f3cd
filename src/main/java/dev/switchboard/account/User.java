package dev.switchboard.account;

import java.time.Instant;

/**
 * A person with a dashboard login. Never carries the password hash out of the account feature.
 *
 * @param mustChangePassword true for the bootstrap admin until the first password change
 * @param disabled true when an administrator disabled the user: no sign-in, session or token works
 */
public record User(String id, String email, boolean admin, boolean mustChangePassword, Instant createdAt,
    boolean disabled) {
  /** An enabled user. */
  public User(String id, String email, boolean admin, boolean mustChangePassword, Instant createdAt) {
    this(id, email, admin, mustChangePassword, createdAt, false);
  }
}
