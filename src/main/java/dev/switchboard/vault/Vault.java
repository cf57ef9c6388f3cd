package dev.switchboard.vault;

import dev.switchboard.vault.internal.Fernet;
import dev.switchboard.vault.internal.PayloadCodec;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way the application encrypts and decrypts credential secrets.
 *
 * <p>{@link #seal} encrypts {@link SecretFields} with the primary key of the current keyring into a
 * Fernet token whose plaintext also names the owner and credential id; {@link #open} reverses it
 * and fails unless the token was sealed for that same owner and credential. Tokens do not expire.
 *
 * <p>Errors: a payload whose key id is not in the keyring fails with {@code vault_key_missing};
 * every other failure to open (tampering, wrong row, corruption) fails with the single generic
 * {@code vault_decrypt_failed}. Arguments must not be null.
 *
 * <p>Thread-safe. {@link #useKeyring} swaps the whole keyring atomically (key rotation); each call
 * works on the keyring current when it starts.
 */
public final class Vault {

  private final Fernet fernet;
  private final PayloadCodec codec;
  private final Signer signer;
  private final VaultCounts counts = new VaultCounts();
  private volatile Keyring keyring;
  private volatile Runnable onMissingKey = () -> {};

  /**
   * A vault over {@code keyring}, stamping tokens with {@code clock}, writing JSON with {@code
   * json}.
   */
  public Vault(Keyring keyring, Clock clock, JsonMapper json) {
    this.keyring = Objects.requireNonNull(keyring, "keyring");
    this.fernet = new Fernet(clock, new SecureRandom());
    this.codec = new PayloadCodec(json);
    this.signer = new Signer(this::keyring);
  }

  /** The keyring in use now. */
  public Keyring keyring() {
    return keyring;
  }

  /** Replaces the keyring; later calls seal with its primary and open with its keys. */
  public void useKeyring(Keyring next) {
    this.keyring = Objects.requireNonNull(next, "keyring");
  }

  /**
   * Sets what to try once when a payload names a key this vault lacks, before failing: typically
   * reloading the key file, because an online rotation may have just added the key.
   */
  public void onMissingKey(Runnable reload) {
    this.onMissingKey = Objects.requireNonNull(reload, "reload");
  }

  /** Encrypts {@code fields} for this owner and credential with the primary key. */
  public SealedPayload seal(String ownerId, String credentialId, SecretFields fields) {
    requireIds(ownerId, credentialId);
    VaultKey primary = keyring.primary();
    byte[] plaintext = codec.write(ownerId, credentialId, fields.values());
    try {
      SealedPayload sealed = new SealedPayload(primary.id(), fernet.encrypt(primary.material(), plaintext));
      counts.countSeal();
      return sealed;
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  /** Decrypts a payload sealed for exactly this owner and credential. */
  public SecretFields open(String ownerId, String credentialId, SealedPayload sealed) {
    requireIds(ownerId, credentialId);
    VaultKey key = keyFor(sealed.keyId());
    boolean ok = false;
    byte[] plaintext = null;
    try {
      plaintext = fernet.decrypt(key.material(), sealed.token());
      SecretFields fields = SecretFields.of(codec.read(plaintext, ownerId, credentialId));
      ok = true;
      return fields;
    } finally {
      counts.countOpen(ok);
      if (plaintext != null) {
        Arrays.fill(plaintext, (byte) 0);
      }
    }
  }

  /**
   * The payload sealed with the current primary key: {@code old} itself if it already is, else
   * opened and sealed again (key rotation). Fails like {@link #open} if {@code old} cannot be
   * opened.
   */
  public SealedPayload reseal(String ownerId, String credentialId, SealedPayload old) {
    Keyring ring = keyring;
    if (old.keyId().equals(ring.primary().id())) {
      return old;
    }
    return seal(ownerId, credentialId, open(ownerId, credentialId, old));
  }

  private VaultKey keyFor(String keyId) {
    Optional<VaultKey> key = keyring.byId(keyId);
    if (key.isEmpty()) {
      onMissingKey.run();
      key = keyring.byId(keyId);
    }
    if (key.isEmpty()) {
      counts.countKeyMissing();
      throw VaultException.keyMissing(keyId);
    }
    return key.get();
  }

  /** Operation counts since start, for the metrics. */
  public VaultCounts counts() {
    return counts;
  }

  /** True if the current keyring holds key {@code keyId}. */
  public boolean canOpen(String keyId) {
    return keyring.byId(keyId).isPresent();
  }

  /** A sealer for {@code purpose} (a fixed label such as "switchboard-mcp-session-v1") that follows this vault's keyring. */
  public TokenSealer tokenSealer(String purpose) {
    return new TokenSealer(this::keyring, fernet, purpose);
  }

  /** A signer that follows this vault's current keyring. */
  public Signer signer() {
    return signer;
  }

  private static void requireIds(String ownerId, String credentialId) {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(credentialId, "credentialId");
  }

  @Override
  public String toString() {
    return "Vault[" + keyring + "]";
  }
}
