package dev.switchboard.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Whether a database's schema is already at the latest migration, found without Flyway (whose
 * start costs the command line a good part of a second): {@link #LATEST} against the last
 * successful row of Flyway's history.
 */
final class SchemaVersion {
  /**
   * The highest {@code V<n>__} migration of either dialect. Kept here rather than found by listing
   * the migration folders, which in the jar means reading all its entries (25 ms of every command);
   * {@code SchemaVersionTest} checks it against the files, so a new migration cannot forget it.
   */
  static final long LATEST = 17;

  private SchemaVersion() {}

  /** True when the schema is at the latest migration and no migration failed; false when unsure. */
  static boolean isCurrent(Connection connection) {
    try {
      return installed(connection).equals(Optional.of(LATEST));
    } catch (SQLException | RuntimeException e) {
      return false; // no history table yet: Flyway decides
    }
  }

  private static Optional<Long> installed(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet failed = s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success")) {
      if (failed.next() && failed.getLong(1) > 0) {
        return Optional.empty();
      }
    }
    long highest = -1;
    try (Statement s = connection.createStatement();
        ResultSet rows = s.executeQuery("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL")) {
      while (rows.next()) {
        highest = Math.max(highest, Long.parseLong(rows.getString(1).trim()));
      }
    }
    return highest < 0 ? Optional.empty() : Optional.of(highest);
  }
}
