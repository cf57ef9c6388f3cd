package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line leaves Flyway out only when the schema is exactly at the latest migration. */
class SchemaVersionTest {
  @TempDir
  Path dir;

  @Test
  void theLatestVersionIsTheHighestMigrationOfEitherDialect() {
    for (Dialect dialect : Dialect.values()) {
      assertThat(SchemaVersion.latest(List.of(dialect.migrations(), Dialect.COMMON_MIGRATIONS)))
          .as("SchemaVersion.LATEST after a new migration in %s", dialect).contains(SchemaVersion.LATEST);
    }
  }

  @Test
  void aMigratedDatabaseIsCurrentAndAnEmptyOrBehindOrFailedOneIsNot() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("s.db");
    try (Connection empty = DriverManager.getConnection(url)) {
      assertThat(SchemaVersion.isCurrent(empty)).isFalse();
    }
    // a fresh database: the tools' open runs Flyway
    Database.openForTools(url, "", "").close();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      assertThat(SchemaVersion.isCurrent(c)).isTrue();
      long latest = SchemaVersion.LATEST;

      s.executeUpdate("UPDATE flyway_schema_history SET success = 0 WHERE version = '" + latest + "'");
      assertThat(SchemaVersion.isCurrent(c)).isFalse();
      s.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '" + latest + "'");
      assertThat(SchemaVersion.isCurrent(c)).isFalse();
    }
  }
}
