package dev.switchboard.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
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

/**
 * Reading and writing the key file: one {@code id:base64key} per line, first line primary, blank
 * lines and {@code #} comments ignored. Writes go to a 0600 temp file in the same directory and are
 * then renamed into place, so a reader never sees half a file. Stateless.
 */
final class KeyFile {

  private static final String HEADER =
      "# Switchboard vault keys: one id:key per line. The first key encrypts; the others only"
          + " decrypt.\n# Secret: keep this file at mode 0600 and back it up. Without it, stored"
          + " credentials cannot be decrypted.\n";
  private static final Set<PosixFilePermission> FILE_MODE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIR_MODE =
      PosixFilePermissions.fromString("rwx------");

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
    if (!isPosix(file)) {
      return Optional.empty();
    }
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
    if (FILE_MODE.containsAll(mode)) {
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

  /** Writes {@code keyring}; with {@code replace} false, fails if the file already exists. */
  static void write(Path file, Keyring keyring, boolean replace) throws IOException {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    boolean posix = isPosix(dir);
    if (!Files.isDirectory(dir)) {
      if (posix) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
        Files.setPosixFilePermissions(dir, DIR_MODE); // in case the umask removed bits
      } else {
        Files.createDirectories(dir);
      }
    }
    StringBuilder text = new StringBuilder(HEADER);
    keyring.keys().forEach(key -> text.append(key.exportEntry()).append('\n'));
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    Path temp =
        posix
            ? Files.createTempFile(
                dir, ".vault-keys", ".tmp", PosixFilePermissions.asFileAttribute(FILE_MODE))
            : Files.createTempFile(dir, ".vault-keys", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      if (replace) {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.move(temp, target); // throws FileAlreadyExistsException rather than replace
      }
    } finally {
      Arrays.fill(bytes, (byte) 0);
      Files.deleteIfExists(temp);
    }
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
