package dev.switchboard.credential;

import java.util.Optional;

/**
 * What re-applying the current-credential rule did for one user and provider.
 *
 * @param before the current credential before, as it was read inside the transaction (after the
 *     change that triggered the rule)
 * @param after the current credential now
 */
record Takeover(String userId, String provider, Optional<Credential> before, Optional<Credential> after) {
  boolean changed() {
    return !before.map(Credential::id).equals(after.map(Credential::id));
  }
}
