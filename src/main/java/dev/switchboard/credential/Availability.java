package dev.switchboard.credential;

import java.util.Optional;
import java.util.Set;

/**
 * Whether one tool is available to one user (DESIGN.md §4), and if not, why and how to fix it.
 *
 * @param credentialId the credential the tool would run with, when there is one
 * @param missingScopes for {@link Reason#SCOPE_MISMATCH}, the OAuth scopes not granted
 */
public record Availability(
    boolean available,
    Optional<Reason> reason,
    String fix,
    Set<String> missingScopes,
    Optional<String> credentialId) {

  /** Why a tool is not available. */
  public enum Reason {
    NO_CREDENTIAL,
    UNVERIFIED,
    ERROR,
    EXPIRED,
    SCOPE_MISMATCH,
    PROVIDER_INACTIVE
  }

  public Availability {
    missingScopes = Set.copyOf(missingScopes);
  }

  static Availability yes(String credentialId) {
    return new Availability(true, Optional.empty(), "", Set.of(), Optional.of(credentialId));
  }

  static Availability no(Reason reason, String fix, Set<String> missing, Optional<String> credentialId) {
    return new Availability(false, Optional.of(reason), fix, missing, credentialId);
  }
}
