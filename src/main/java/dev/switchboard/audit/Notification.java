package dev.switchboard.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Something a user should act on ("Bundle needs attention", "Credential expired"), with the fix in
 * words and a link to the dashboard page where it is made.
 *
 * @param kind {@code BUNDLE_NEEDS_ATTENTION}, {@code CREDENTIAL_EXPIRED}, …
 */
public record Notification(String id, String userId, String kind, String title, String message,
    String fix, Optional<String> link, Instant createdAt, Optional<Instant> readAt) {}
