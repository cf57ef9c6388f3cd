package dev.switchboard.account;

import java.time.Instant;
import java.util.Optional;

/**
 * A personal access token as listed: never the token itself, only its {@code hint} (the prefix and
 * the first characters) so a person can tell tokens apart.
 */
public record AccessToken(
    String id,
    String name,
    String hint,
    Instant createdAt,
    Optional<Instant> lastUsedAt,
    Optional<Instant> revokedAt) {}
