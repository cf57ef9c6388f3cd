package dev.switchboard.vault;

import java.util.Objects;

/**
 * The encrypted form of a credential's {@link SecretFields}, as stored in the database: the id of
 * the key that sealed it and the Fernet token. Only {@link Vault#open} turns it back into fields.
 *
 * <p>Both components are required and non-blank. {@link #toString()} shows the key id only.
 */
public record SealedPayload(String keyId, String token) {

  /** Checks that both components are present. */
  public SealedPayload {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(token, "token");
    if (keyId.isBlank() || token.isBlank()) {
      throw new IllegalArgumentException("a sealed payload needs a key id and a token");
    }
  }

  @Override
  public String toString() {
    return "SealedPayload[keyId=" + keyId + "]";
  }
}
