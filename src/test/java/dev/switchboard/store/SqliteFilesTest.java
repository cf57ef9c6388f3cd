package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite database, its -wal and -shm files and a data folder created for them are owner-only. */
class SqliteFilesTest {
  @TempDir
  Path dir;

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void aNewDataFolderIs0700AndTheDatabaseWalAndShmFilesAre0600() throws IOException {
    Path data = dir.resolve("data");
    Path file = data.resolve("switchboard.db");
    try (Database db = Database.open("jdbc:sqlite:" + file, "", "")) {
      db.jdbi().useHandle(h -> h.execute("CREATE TABLE probe (x INTEGER)"));
      assertThat(mode(data)).isEqualTo("rwx------");
      assertThat(mode(file)).isEqualTo("rw-------");
      assertThat(data.resolve("switchboard.db-wal")).exists();
      assertThat(mode(data.resolve("switchboard.db-wal"))).isEqualTo("rw-------");
      assertThat(mode(data.resolve("switchboard.db-shm"))).isEqualTo("rw-------");
    }
  }

  @Test
  void existingDatabaseFilesOpenToOthersAreTightenedAndAnExistingFolderIsLeftAlone() throws IOException {
    Path data = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path file = data.resolve("old.db");
    try (Database db = Database.open("jdbc:sqlite:" + file, "", "")) {
      db.jdbi().useHandle(h -> h.execute("CREATE TABLE probe (x INTEGER)"));
    }
    for (String name : new String[] {"old.db", "old.db-wal", "old.db-shm"}) {
      Path f = data.resolve(name);
      if (Files.notExists(f)) {
        Files.createFile(f);
      }
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
    }
    try (Database db = Database.open("jdbc:sqlite:" + file, "", "")) {
      assertThat(db.healthy()).isTrue();
      assertThat(mode(file)).isEqualTo("rw-------");
    }
    assertThat(mode(data)).isEqualTo("rwxr-xr-x");
    for (String name : new String[] {"old.db-wal", "old.db-shm"}) {
      Path f = data.resolve(name);
      if (Files.exists(f)) {
        assertThat(mode(f)).as(name).isEqualTo("rw-------");
      }
    }
  }
}
