package dev.switchboard.vault;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link KeyringSource} loaded and from where, so the caller can tell the operator.
 *
 * @param keyring the keys, primary first
 * @param file the key file read or created; empty when the keys came from {@code
 *     SWITCHBOARD_VAULT_KEYS}
 * @param generated true if the key file did not exist and was just created with a new key: the
 *     caller should print {@code file} and ask the operator to back it up
 * @param warnings things the operator should fix (loose file permissions, an ignored key file);
 *     never contain key material
 */
public record LoadedKeyring(
    Keyring keyring, Optional<Path> file, boolean generated, List<String> warnings) {

  /** Checks presence and copies the warnings. */
  public LoadedKeyring {
    Objects.requireNonNull(keyring, "keyring");
    Objects.requireNonNull(file, "file");
    warnings = List.copyOf(warnings);
  }
}
