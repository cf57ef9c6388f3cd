package dev.switchboard.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the files of an SQLite database so that only their owner can read them: the database
 * holds sealed credentials and the hashes of passwords and tokens. A folder created here is 0700;
 * an existing folder is left as it is (it may be shared on purpose). The database file is created
 * 0600 before SQLite opens it, so the {@code -wal} and {@code -shm} files SQLite creates beside it
 * take the same mode; existing database, {@code -wal} and {@code -shm} files that group or others
 * can use are tightened to owner-only. Nothing happens on file systems without POSIX permissions.
 * Stateless.
 */
final class SqliteFiles {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteFiles.class);
  private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private SqliteFiles() {}

  /** Creates the folder and the file of the database a {@code jdbc:sqlite:} URL names, owner-only. */
  static void prepare(String url) {
    String name = url.substring("jdbc:sqlite:".length());
    int query = name.indexOf('?');
    if (query >= 0) {
      name = name.substring(0, query);
    }
    if (name.isEmpty() || name.startsWith(":memory:") || name.startsWith("file:")) {
      return;
    }
    Path file = Path.of(name).toAbsolutePath();
    Path parent = file.getParent();
    try {
      OwnerOnlyFiles.createDirectories(parent);
      if (!OwnerOnlyFiles.isPosix(parent)) {
        return;
      }
      if (Files.notExists(file)) {
        // SQLite gives the -wal and -shm files it creates the mode of the database file
        OwnerOnlyFiles.createFile(file);
      }
      for (Path f : new Path[] {file, Path.of(file + "-wal"), Path.of(file + "-shm")}) {
        tighten(f);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot prepare the database file " + file, e);
    }
  }

  private static void tighten(Path file) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
    if (mode.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
      Set<PosixFilePermission> owner = EnumSet.copyOf(mode);
      owner.removeAll(GROUP_OR_OTHERS);
      Files.setPosixFilePermissions(file, owner);
      LOG.warn("{} was readable by group or others; it is now {}", file.getFileName(),
          PosixFilePermissions.toString(owner));
    }
  }
}
