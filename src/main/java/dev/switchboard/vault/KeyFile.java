package dev.switchboard.vault;

import dev.switchboard.store.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reading and writing the key file: one {@code id:base64key} per line, first line primary, blank
 * lines and {@code #} comments ignored. Writes go to a 0600 temp file in the same directory, are
 * forced to disk, renamed into place and the directory is forced too, so a reader never sees half a
 * file and a crash never loses a key that a row may already use. Changes of an existing file
 * ({@link #addPrimary}, {@link #remove}) re-read it and merge, never replace it with a keyring
 * read earlier; callers hold the {@link KeyFileLock}. Stateless.
 */
final class KeyFile {

  private static final String HEADER =
      "# Switchboard vault keys: one id:key per line. The first key encrypts; the others only"
          + " decrypt.\n# Secret: keep this file at mode 0600 and back it up. Without it, stored"
          + " credentials cannot be decrypted.\n";

  private KeyFile() {}

  static Keyring read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new VaultException(VaultException.KEY_FILE, "cannot read vault key file " + file, e);
    }
    List<VaultKey> keys = new ArrayList<>();
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        keys.add(KeyringSource.parseEntry(line, "vault key file " + file + " line " + (i + 1)));
      }
    }
    if (keys.isEmpty()) {
      throw new VaultException(
          VaultException.KEYRING_INVALID, "vault key file " + file + " has no keys");
    }
    return Keyring.of(keys);
  }

  /** A warning if group or others have any access to {@code file}. */
  static Optional<String> permissionWarning(Path file) throws IOException {
    if (!OwnerOnlyFiles.isPosix(file)) {
      return Optional.empty();
    }
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
    if (OwnerOnlyFiles.FILE_MODE.containsAll(mode)) {
      return Optional.empty();
    }
    return Optional.of(
        "vault key file "
            + file
            + " has mode "
            + PosixFilePermissions.toString(mode)
            + "; it should be readable by its owner only (chmod 600 "
            + file
            + ")");
  }

  /**
   * Adds {@code key} as the primary of the file as it is now (re-read here, so keys another process
   * added are kept), writes it durably and returns what the file holds afterwards. A key with the
   * same id but other material already in the file is refused. {@code checkpoint} is told
   * "key-file-temp" once the temp file is on disk but not yet renamed.
   */
  static Keyring addPrimary(Path file, VaultKey key, Consumer<String> checkpoint) throws IOException {
    Keyring current = read(file);
    Optional<VaultKey> same = current.byId(key.id());
    if (same.isPresent() && !same.get().equals(key)) {
      throw new VaultException(VaultException.KEYRING_INVALID,
          "vault key file " + file + " already has another key with id '" + key.id() + "'");
    }
    return writeAndReadBack(file, current.withPrimary(key), checkpoint, key);
  }

  /** Removes key {@code id} from the file as it is now; returns what the file holds afterwards. */
  static Keyring remove(Path file, String id) throws IOException {
    Keyring current = read(file);
    return writeAndReadBack(file, current.without(id), stage -> {}, null);
  }

  private static Keyring writeAndReadBack(Path file, Keyring next, Consumer<String> checkpoint,
      VaultKey mustHold) throws IOException {
    removeStaleTemps(file.toAbsolutePath().getParent());
    write(file, next, true, checkpoint);
    Keyring written = read(file);
    if (!written.equals(next) || (mustHold != null && !written.primary().equals(mustHold))) {
      throw new VaultException(VaultException.KEY_FILE,
          "vault key file " + file + " changed while it was written; nothing was re-encrypted");
    }
    return written;
  }

  /** Deletes temp files left by a writer killed before its rename (they hold keys too). */
  private static void removeStaleTemps(Path dir) throws IOException {
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, ".vault-keys*.tmp")) {
      for (Path temp : temps) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /** Writes {@code keyring}; with {@code replace} false, fails if the file already exists. */
  static void write(Path file, Keyring keyring, boolean replace) throws IOException {
    write(file, keyring, replace, stage -> {});
  }

  private static void write(Path file, Keyring keyring, boolean replace, Consumer<String> checkpoint)
      throws IOException {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    boolean posix = OwnerOnlyFiles.isPosix(dir);
    OwnerOnlyFiles.createDirectories(dir);
    StringBuilder text = new StringBuilder(HEADER);
    keyring.keys().forEach(key -> text.append(key.exportEntry()).append('\n'));
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    Path temp =
        posix
            ? Files.createTempFile(dir, ".vault-keys", ".tmp", OwnerOnlyFiles.fileMode())
            : Files.createTempFile(dir, ".vault-keys", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      checkpoint.accept("key-file-temp");
      if (replace) {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.move(temp, target); // throws FileAlreadyExistsException rather than replace
      }
      forceDirectory(dir, posix);
    } finally {
      Arrays.fill(bytes, (byte) 0);
      Files.deleteIfExists(temp);
    }
  }

  /** Makes the rename durable: on POSIX a rename is only on disk once its directory is synced. */
  private static void forceDirectory(Path dir, boolean posix) throws IOException {
    if (!posix) {
      return; // directories cannot be opened for syncing there; the rename is the best we have
    }
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
