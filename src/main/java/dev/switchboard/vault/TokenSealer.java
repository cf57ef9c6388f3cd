package dev.switchboard.vault;

import dev.switchboard.vault.internal.Fernet;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Encrypts short values that leave the server and must come back unread and unaltered (MCP session
 * ids) as Fernet tokens, under a key derived from the vault key for one purpose:
 * HMAC-SHA256(vault key, purpose). So any instance sharing the vault keys opens them, the
 * credential key never touches them, and two purposes cannot open each other's tokens.
 *
 * <p>Seals with the primary key; opens with any key of the current keyring, so tokens sealed before
 * a rotation stay valid until their key is removed. A Fernet token shows only its creation time.
 * Thread-safe.
 */
public final class TokenSealer {
  private final Supplier<Keyring> keyring;
  private final Fernet fernet;
  private final String purpose;

  TokenSealer(Supplier<Keyring> keyring, Fernet fernet, String purpose) {
    this.keyring = Objects.requireNonNull(keyring, "keyring");
    this.fernet = Objects.requireNonNull(fernet, "fernet");
    this.purpose = Objects.requireNonNull(purpose, "purpose");
  }

  /** The URL-safe token of {@code plaintext}. */
  public String seal(byte[] plaintext) {
    return fernet.encrypt(keyring.get().primary().derived(purpose), Objects.requireNonNull(plaintext, "plaintext"));
  }

  /** The plaintext of a token this sealer made, or empty for anything forged, altered or malformed. */
  public Optional<byte[]> open(String token) {
    if (token == null) {
      return Optional.empty();
    }
    for (VaultKey key : keyring.get().keys()) {
      try {
        return Optional.of(fernet.decrypt(key.derived(purpose), token));
      } catch (VaultException e) {
        // not sealed with this key: try the next one
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "TokenSealer[" + purpose + "]";
  }
}
