package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line leaves Flyway out only when the schema is exactly at the latest migration. */
class SchemaVersionTest {
  private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__[^/]*\\.sql");

  @TempDir
  Path dir;

  @Test
  void theLatestVersionIsTheHighestMigrationOfEitherDialect() throws Exception {
    for (Dialect dialect : Dialect.values()) {
      assertThat(highestMigration(List.of(dialect.migrations(), Dialect.COMMON_MIGRATIONS)))
          .as("SchemaVersion.LATEST after a new migration in %s", dialect).isEqualTo(SchemaVersion.LATEST);
    }
  }

  /** The highest {@code V<n>__} among the files of these class path folders (directories in a build). */
  private static long highestMigration(List<String> folders) throws Exception {
    long highest = -1;
    for (String folder : folders) {
      for (URL url : Collections.list(SchemaVersionTest.class.getClassLoader().getResources(folder))) {
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
          for (Path file : (Iterable<Path>) files::iterator) {
            Matcher m = MIGRATION.matcher(file.getFileName().toString());
            if (m.matches()) {
              highest = Math.max(highest, Long.parseLong(m.group(1)));
            }
          }
        }
      }
    }
    return highest;
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
