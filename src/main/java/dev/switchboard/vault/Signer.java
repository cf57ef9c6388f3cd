package dev.switchboard.vault;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * HMAC-SHA256 signing for features that need tamper-proof values (OAuth state, links) without
 * touching {@code javax.crypto}. The signing key of each vault key is derived as HMAC-SHA256(vault
 * key, "switchboard-signing-v1"), so it never equals the encryption key.
 *
 * <p>Signs with the current primary key; verifies against every key in the current keyring, so
 * values signed just before a rotation stay valid until their key is removed. Reads the keyring at
 * each call, so it follows {@link Vault#useKeyring}. Thread-safe.
 */
public final class Signer {

  private final Supplier<Keyring> keyring;

  /** A signer over whatever keyring {@code keyring} returns at each call. */
  public Signer(Supplier<Keyring> keyring) {
    this.keyring = Objects.requireNonNull(keyring, "keyring");
  }

  /** The 32-byte HMAC of {@code data} under the primary key's signing key. */
  public byte[] sign(byte[] data) {
    return keyring.get().primary().signing().sign(Objects.requireNonNull(data, "data"));
  }

  /** True if {@code mac} is a valid tag of {@code data} under any key; false for null input. */
  public boolean verify(byte[] data, byte[] mac) {
    boolean valid = false;
    for (VaultKey key : keyring.get().keys()) {
      // No early exit: the time taken does not depend on which key matched.
      valid |= key.signing().verify(data, mac);
    }
    return valid;
  }

  @Override
  public String toString() {
    return "Signer[primary=" + keyring.get().primary().id() + "]";
  }
}
