package dev.switchboard.credential;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an OAuth token response gives a credential: the secret fields ({@code access_token},
 * {@code refresh_token}, {@code token_type}), the granted scopes, when the access token expires, and
 * the account it belongs to when the provider says. {@link #toString()} names no secret.
 */
public record OAuthGrant(Map<String, String> secrets, Set<String> scopes, Optional<Instant> expiresAt,
    Optional<String> account) {
  public OAuthGrant {
    secrets = Map.copyOf(secrets);
    scopes = Set.copyOf(scopes);
  }

  @Override
  public String toString() {
    return "OAuthGrant[scopes=" + scopes + ", expiresAt=" + expiresAt + "]";
  }
}
