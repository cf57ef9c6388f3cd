package dev.switchboard.credential;

import java.util.Optional;

/** Optional filters of a credential listing and the position to continue after. */
public record CredentialFilter(
    Optional<String> provider,
    Optional<CredentialStatus> status,
    Optional<Verification> verification,
    Optional<Position> after) {

  /** A listing position: the last row's creation time and id. */
  public record Position(long createdAt, String id) {}
}
