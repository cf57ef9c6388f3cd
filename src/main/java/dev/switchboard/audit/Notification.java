package dev.switchboard.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Something a user should act on ("Bundle needs attention", "Credential expired"), with the fix in
 * words and a link to the dashboard page where it is made.
 *
 * @param kind {@code BUNDLE_NEEDS_ATTENTION}, {@code CREDENTIAL_EXPIRED}, …
 * @param resolvedAt when the problem it reported ended (the gateway saw it fixed), if it did
 */
public record Notification(String id, String userId, String kind, String title, String message,
    String fix, Optional<String> link, Instant createdAt, Optional<Instant> readAt, Optional<Instant> resolvedAt) {

  /** True while the user should still look at it: neither read nor resolved. */
  public boolean open() {
    return readAt.isEmpty() && resolvedAt.isEmpty();
  }
}
