package dev.switchboard.account;

import java.time.Instant;

/**
 * A person with a dashboard login. Never carries the password hash out of the account feature.
 *
 * @param mustChangePassword true for the bootstrap admin until the first password change
 */
public record User(String id, String email, boolean admin, boolean mustChangePassword, Instant createdAt) {}
