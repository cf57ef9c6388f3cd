package dev.switchboard.vault;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the vault keys come from (DESIGN §4): the value of {@value #ENV_VAR} when it is set and not
 * blank (comma-separated {@code id:base64key} entries, first one primary), otherwise a key file in
 * the same format with one entry per line ({@code #} comments and blank lines allowed).
 *
 * <p>The caller passes the variable's value in (null when unset), so this class never reads the
 * environment itself. Error messages name the entry or line but never echo key material. Each
 * method reads or writes the file anew; instances are immutable and thread-safe.
 */
public final class KeyringSource {

  /** The environment variable holding keys inline. */
  public static final String ENV_VAR = "SWITCHBOARD_VAULT_KEYS";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final String envValue;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /**
   * A source preferring {@code envValue} (may be null or blank: not set); {@code clock} names new
   * keys.
   */
  public KeyringSource(String envValue, Clock clock) {
    this.envValue = envValue;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Keys from the variable or {@code keyFile}; throws {@code vault_keyring_invalid} if neither
   * exists.
   */
  public LoadedKeyring load(Path keyFile) {
    Optional<LoadedKeyring> found = loadExisting(keyFile);
    return found.orElseThrow(
        () ->
            new VaultException(
                VaultException.KEYRING_INVALID,
                "no vault keys: set " + ENV_VAR + " or create the key file " + keyFile));
  }

  /** Like {@link #load}, but if neither exists creates {@code keyFile} with one new key. */
  public LoadedKeyring loadOrCreate(Path keyFile) {
    Optional<LoadedKeyring> found = loadExisting(keyFile);
    if (found.isPresent()) {
      return found.get();
    }
    Keyring keyring = Keyring.of(VaultKey.generate(newKeyId()));
    try {
      KeyFile.write(keyFile, keyring, false);
    } catch (FileAlreadyExistsException raced) {
      return fromFile(keyFile); // another process created it first: use theirs
    } catch (IOException e) {
      throw new VaultException(
          VaultException.KEY_FILE, "cannot create vault key file " + keyFile, e);
    }
    return new LoadedKeyring(keyring, Optional.of(keyFile), true, List.of());
  }

  /**
   * Adds {@code key} as primary to {@code keyFile} as it is on disk now, keeping every key in it
   * (also those another process added since this one loaded it), and returns the keyring the file
   * durably holds afterwards: only then may anything be sealed with {@code key}. Call it while
   * holding the {@link KeyFileLock}. {@code checkpoint} hears the stage "key-file-temp" (a test hook).
   */
  public static Keyring addPrimaryToKeyFile(Path keyFile, VaultKey key, Consumer<String> checkpoint) {
    try {
      return KeyFile.addPrimary(keyFile, key, checkpoint);
    } catch (IOException e) {
      throw new VaultException(VaultException.KEY_FILE, "cannot write vault key file " + keyFile, e);
    }
  }

  /**
   * Like {@link #addPrimaryToKeyFile} with a newly generated key whose id is not yet in the file.
   */
  public Keyring addNewPrimaryToKeyFile(Path keyFile, Consumer<String> checkpoint) {
    Keyring current = readKeyFile(keyFile);
    String id = newKeyId();
    while (current.byId(id).isPresent()) {
      id = newKeyId();
    }
    return addPrimaryToKeyFile(keyFile, VaultKey.generate(id), checkpoint);
  }

  /** Removes key {@code id} from {@code keyFile} as it is on disk now; hold the {@link KeyFileLock}. */
  public static Keyring removeFromKeyFile(Path keyFile, String id) {
    try {
      return KeyFile.remove(keyFile, id);
    } catch (IOException e) {
      throw new VaultException(VaultException.KEY_FILE, "cannot write vault key file " + keyFile, e);
    }
  }

  /** The keys {@code keyFile} holds now. */
  public static Keyring readKeyFile(Path keyFile) {
    return KeyFile.read(keyFile);
  }

  /**
   * Replaces {@code keyFile} atomically with {@code keyring} (mode 0600). It drops keys the file
   * gained meanwhile: to change an existing file use {@link #addPrimaryToKeyFile} or
   * {@link #removeFromKeyFile}.
   */
  public static void writeKeyFile(Path keyFile, Keyring keyring) {
    try {
      KeyFile.write(keyFile, keyring, true);
    } catch (IOException e) {
      throw new VaultException(
          VaultException.KEY_FILE, "cannot write vault key file " + keyFile, e);
    }
  }

  /** Parses the {@value #ENV_VAR} format; empty entries (stray commas) are skipped. */
  public static Keyring parseEnv(String value) {
    List<VaultKey> keys = new ArrayList<>();
    String[] entries = value.split(",", -1);
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].strip();
      if (!entry.isEmpty()) {
        keys.add(parseEntry(entry, ENV_VAR + " entry " + (i + 1)));
      }
    }
    if (keys.isEmpty()) {
      throw new VaultException(
          VaultException.KEYRING_INVALID, ENV_VAR + " is set but holds no keys");
    }
    return Keyring.of(keys);
  }

  /**
   * A fresh key id: {@code k}, today's UTC date, 4 random hex digits, e.g. {@code k20250131a3f9}.
   */
  public String newKeyId() {
    byte[] suffix = new byte[2];
    random.nextBytes(suffix);
    return "k"
        + DAY.format(clock.instant().atOffset(ZoneOffset.UTC))
        + HexFormat.of().formatHex(suffix);
  }

  static VaultKey parseEntry(String entry, String where) {
    try {
      return VaultKey.parse(entry);
    } catch (VaultException e) {
      throw new VaultException(e.code(), where + ": " + e.getMessage());
    }
  }

  private Optional<LoadedKeyring> loadExisting(Path keyFile) {
    if (envValue != null && !envValue.isBlank()) {
      List<String> warnings =
          Files.exists(keyFile)
              ? List.of(ENV_VAR + " is set, so the key file " + keyFile + " is ignored")
              : List.of();
      return Optional.of(new LoadedKeyring(parseEnv(envValue), Optional.empty(), false, warnings));
    }
    return Files.exists(keyFile) ? Optional.of(fromFile(keyFile)) : Optional.empty();
  }

  private static LoadedKeyring fromFile(Path keyFile) {
    Keyring keyring = KeyFile.read(keyFile);
    try {
      List<String> warnings = KeyFile.permissionWarning(keyFile).stream().toList();
      return new LoadedKeyring(keyring, Optional.of(keyFile), false, warnings);
    } catch (IOException e) {
      throw new VaultException(VaultException.KEY_FILE, "cannot read vault key file " + keyFile, e);
    }
  }
}
