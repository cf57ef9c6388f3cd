package dev.switchboard.credential;

import dev.switchboard.provider.AuthMethodType;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A credential's metadata as the owner may see it. It never holds a secret: {@link #fields()} has
 * non-secret values in clear and secret ones masked ({@code sk_…4f2a}). The encrypted payload is
 * read separately, only on the path of a tool call.
 *
 * @param current whether this is the owner's current credential for its provider
 * @param version optimistic-locking counter, bumped by every update
 */
public record Credential(
    String id,
    String userId,
    String provider,
    AuthMethodType authMethod,
    String label,
    CredentialStatus status,
    Verification verification,
    Optional<String> verificationCode,
    Optional<String> verificationMessage,
    Set<String> grantedScopes,
    Optional<String> account,
    Optional<Instant> accessExpiresAt,
    Instant createdAt,
    Optional<Instant> lastUsedAt,
    Optional<Instant> lastVerifiedAt,
    int refreshFailures,
    long version,
    String keyId,
    Map<String, String> fields,
    boolean current) {

  public Credential {
    grantedScopes = Set.copyOf(grantedScopes);
    fields = Map.copyOf(fields);
  }

  /** True when tools may use it: ACTIVE and VERIFIED. */
  public boolean usable() {
    return status == CredentialStatus.ACTIVE && verification == Verification.VERIFIED;
  }
}
