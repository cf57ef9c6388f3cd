package dev.switchboard.vault;

import dev.switchboard.vault.internal.FernetKey;
import dev.switchboard.vault.internal.Hmac;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One vault key: a public id ({@code [A-Za-z0-9_-]{1,32}}, stored next to each sealed payload) and
 * 32 bytes of secret Fernet key material, written as URL-safe base64 in key files and in {@code
 * SWITCHBOARD_VAULT_KEYS}.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the id only; error messages from the
 * factories never echo the key text. Two keys are equal when id and material are equal.
 */
public final class VaultKey {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  private static final String SIGNING_LABEL = "switchboard-signing-v1";

  private final String id;
  private final FernetKey material;
  private final Hmac signing;
  private final Map<String, FernetKey> derived = new ConcurrentHashMap<>();

  private VaultKey(String id, FernetKey material) {
    this.id = id;
    this.material = material;
    this.signing = material.deriveHmac(SIGNING_LABEL);
  }

  /** A new key with fresh random material; throws {@code vault_key_invalid} on a bad id. */
  public static VaultKey generate(String id) {
    return new VaultKey(checkId(id), FernetKey.generate(new SecureRandom()));
  }

  /** A key from its id and its URL-safe base64 (padded) 32-byte material. */
  public static VaultKey of(String id, String base64Key) {
    String checkedId = checkId(id);
    FernetKey material =
        FernetKey.decode(base64Key)
            .orElseThrow(
                () ->
                    new VaultException(
                        VaultException.KEY_INVALID,
                        "vault key '"
                            + checkedId
                            + "' is not a 32-byte URL-safe base64 Fernet key"));
    return new VaultKey(checkedId, material);
  }

  /** Parses one {@code id:base64key} entry, as in {@code SWITCHBOARD_VAULT_KEYS} and key files. */
  public static VaultKey parse(String entry) {
    Objects.requireNonNull(entry, "entry");
    int colon = entry.indexOf(':');
    if (colon < 0) {
      throw new VaultException(
          VaultException.KEY_INVALID, "vault key entry is not of the form id:base64key");
    }
    return of(entry.substring(0, colon).trim(), entry.substring(colon + 1).trim());
  }

  /** True if {@code id} is a well-formed key id. */
  public static boolean isValidId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  private static String checkId(String id) {
    if (!isValidId(id)) {
      // The rejected text is not echoed: a mangled entry may hold key material.
      throw new VaultException(
          VaultException.KEY_INVALID, "vault key id must match [A-Za-z0-9_-]{1,32}");
    }
    return id;
  }

  /** The public key id. */
  public String id() {
    return id;
  }

  /**
   * The {@code id:base64key} entry for a key file or {@code SWITCHBOARD_VAULT_KEYS}. This is
   * secret: only for writing key files or showing an operator a newly generated key.
   */
  public String exportEntry() {
    return id + ":" + material.encode();
  }

  FernetKey material() {
    return material;
  }

  Hmac signing() {
    return signing;
  }

  /** The Fernet key derived from this one for {@code label} (made once, then kept). */
  FernetKey derived(String label) {
    return derived.computeIfAbsent(label, material::deriveKey);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VaultKey other && id.equals(other.id) && material.sameAs(other.material);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "VaultKey[id=" + id + "]";
  }
}
