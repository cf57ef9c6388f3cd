package dev.switchboard.store;

import dev.switchboard.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The lease suite on an embedded SQLite file. */
class SqliteLeaseLockTest extends LeaseLockContract {
  @TempDir
  Path dir;

  @Override
  String jdbcUrl() {
    return TestDatabases.sqliteUrl(dir);
  }

  @Override
  String user() {
    return "";
  }
}
