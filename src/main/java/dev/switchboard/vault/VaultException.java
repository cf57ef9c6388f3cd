package dev.switchboard.vault;

import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;
import java.util.Objects;

/**
 * The one error type of the vault: unchecked, with a stable machine-readable {@link #code()}.
 *
 * <p>Messages never contain key material or plaintext. Every failure to decrypt a stored secret —
 * malformed token, wrong key, flipped bit, bad padding, expired TTL, a token copied to another row
 * — is reported as {@link #decryptFailed()}: the same code, the same message and no cause, so that
 * nothing (including logs) can tell the reasons apart.
 */
public class VaultException extends SwitchboardException {

  private static final long serialVersionUID = 1L;

  /** A stored secret could not be decrypted or did not belong where it was read. */
  public static final String DECRYPT_FAILED = "vault_decrypt_failed";

  /** A sealed payload names a key id that is not in the keyring. */
  public static final String KEY_MISSING = "vault_key_missing";

  /** A key or key entry is malformed (bad id, not a 32-byte URL-safe base64 key). */
  public static final String KEY_INVALID = "vault_key_invalid";

  /** A keyring would be empty, has duplicate ids, or no keys were configured at all. */
  public static final String KEYRING_INVALID = "vault_keyring_invalid";

  /** The key file could not be read, created or written. */
  public static final String KEY_FILE = "vault_key_file";

  /** Another key rotation or retirement holds the key-file or database lock. */
  public static final String ROTATION_BUSY = "vault_rotation_busy";

  /** Secret fields could not be serialized for sealing. */
  public static final String SEAL_FAILED = "vault_seal_failed";

  private static final String DECRYPT_FAILED_MESSAGE = "stored secret cannot be decrypted";

  /** Creates an exception; {@code code} and {@code message} must not be null. */
  public VaultException(String code, String message) {
    super(ErrorKind.UNAVAILABLE, Objects.requireNonNull(code, "code"),
        Objects.requireNonNull(message, "message"));
  }

  /** Creates an exception with a cause; the cause must not carry secrets in its message. */
  public VaultException(String code, String message, Throwable cause) {
    super(ErrorKind.UNAVAILABLE, Objects.requireNonNull(code, "code"),
        Objects.requireNonNull(message, "message"), cause);
  }

  /** The generic decryption failure: always the same code and message, never a cause. */
  public static VaultException decryptFailed() {
    return new VaultException(DECRYPT_FAILED, DECRYPT_FAILED_MESSAGE);
  }

  /** A sealed payload refers to a key id the keyring does not hold (ids are not secret). */
  public static VaultException keyMissing(String keyId) {
    return new VaultException(KEY_MISSING, "vault key '" + keyId + "' is not in the keyring");
  }

}
