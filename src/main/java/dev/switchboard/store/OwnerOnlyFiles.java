package dev.switchboard.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders only their owner can use (0600 / 0700), for what holds secrets: the SQLite
 * database and the vault key file. On file systems without POSIX permissions they are created
 * plainly. Stateless.
 */
public final class OwnerOnlyFiles {
  /** {@code rw-------}. */
  public static final Set<PosixFilePermission> FILE_MODE = Set.copyOf(PosixFilePermissions.fromString("rw-------"));
  /** {@code rwx------}. */
  public static final Set<PosixFilePermission> DIR_MODE = Set.copyOf(PosixFilePermissions.fromString("rwx------"));

  private OwnerOnlyFiles() {}

  /** Whether the file system of {@code path} has POSIX permissions. */
  public static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** The attribute that creates a file 0600. */
  public static FileAttribute<Set<PosixFilePermission>> fileMode() {
    return PosixFilePermissions.asFileAttribute(FILE_MODE);
  }

  /** Creates {@code dir} and missing parents 0700 when it does not exist; an existing one is left alone. */
  public static void createDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (isPosix(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
      Files.setPosixFilePermissions(dir, DIR_MODE); // the umask may have removed bits
    } else {
      Files.createDirectories(dir);
    }
  }

  /** Creates {@code file} 0600; throws {@code FileAlreadyExistsException} when it exists. */
  public static void createFile(Path file) throws IOException {
    if (isPosix(file)) {
      Files.createFile(file, fileMode());
    } else {
      Files.createFile(file);
    }
  }
}
