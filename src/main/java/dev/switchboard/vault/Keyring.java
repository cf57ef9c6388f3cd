package dev.switchboard.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, ordered, non-empty list of {@link VaultKey}s with unique ids. The first key is the
 * primary: it seals new payloads; every key can open payloads sealed with it.
 *
 * <p>Thread-safe. Changes return new keyrings. Constructors and changes that would leave the ring
 * empty or with a duplicate id throw {@code vault_keyring_invalid}.
 */
public final class Keyring {

  private final List<VaultKey> keys;

  private Keyring(List<VaultKey> keys) {
    if (keys.isEmpty()) {
      throw new VaultException(VaultException.KEYRING_INVALID, "a keyring needs at least one key");
    }
    List<String> seen = new ArrayList<>();
    for (VaultKey key : keys) {
      Objects.requireNonNull(key, "key");
      if (seen.contains(key.id())) {
        throw new VaultException(
            VaultException.KEYRING_INVALID, "duplicate vault key id '" + key.id() + "'");
      }
      seen.add(key.id());
    }
    this.keys = List.copyOf(keys);
  }

  /** A keyring of {@code keys} in order; the first is primary. */
  public static Keyring of(List<VaultKey> keys) {
    return new Keyring(List.copyOf(keys));
  }

  /** A keyring of {@code keys} in order; the first is primary. */
  public static Keyring of(VaultKey... keys) {
    return of(List.of(keys));
  }

  /** The key that seals new payloads. */
  public VaultKey primary() {
    return keys.get(0);
  }

  /** The key with this id, if present. */
  public Optional<VaultKey> byId(String id) {
    for (VaultKey key : keys) {
      if (key.id().equals(id)) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }

  /** Key ids in order, primary first. */
  public List<String> ids() {
    return keys.stream().map(VaultKey::id).toList();
  }

  /** The keys in order, primary first (unmodifiable). */
  public List<VaultKey> keys() {
    return keys;
  }

  /**
   * A keyring with {@code key} first. If the ring already holds that exact key it is moved to the
   * front; another key with the same id is refused.
   */
  public Keyring withPrimary(VaultKey key) {
    List<VaultKey> next = new ArrayList<>();
    next.add(key);
    keys.stream().filter(k -> !k.equals(key)).forEach(next::add);
    return new Keyring(next);
  }

  /**
   * A keyring without the key {@code id}. Throws {@code vault_key_missing} for an unknown id and
   * {@code vault_keyring_invalid} for the primary (make another key primary first).
   */
  public Keyring without(String id) {
    if (byId(id).isEmpty()) {
      throw VaultException.keyMissing(id);
    }
    if (primary().id().equals(id)) {
      throw new VaultException(
          VaultException.KEYRING_INVALID,
          "vault key '" + id + "' is the primary key; add a new primary before removing it");
    }
    return new Keyring(keys.stream().filter(k -> !k.id().equals(id)).toList());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Keyring other && keys.equals(other.keys);
  }

  @Override
  public int hashCode() {
    return keys.hashCode();
  }

  @Override
  public String toString() {
    return "Keyring" + ids();
  }
}
