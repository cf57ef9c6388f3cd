package dev.switchboard.connection;

import dev.switchboard.credential.Credential;
import dev.switchboard.credential.CredentialStatus;
import dev.switchboard.credential.Verification;

/**
 * The seed's connection statuses — Active (working), Inactive (disabled or expired), Error
 * (authentication failed) — plus Unverified (saved, not tested yet), which the seed does not name.
 */
public enum ConnectionStatus {
  ACTIVE,
  INACTIVE,
  ERROR,
  UNVERIFIED;

  static ConnectionStatus of(Credential c) {
    if (c.status() == CredentialStatus.DISABLED || c.verification() == Verification.EXPIRED) {
      return INACTIVE;
    }
    return switch (c.verification()) {
      case VERIFIED -> ACTIVE;
      case ERROR -> ERROR;
      default -> UNVERIFIED;
    };
  }
}
