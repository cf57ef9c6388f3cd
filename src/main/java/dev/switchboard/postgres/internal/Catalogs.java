package dev.switchboard.postgres.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Small look-ups in the system catalogs shared by the tools. Stateless. */
final class Catalogs {
  private Catalogs() {}

  static boolean schemaExists(Connection connection, String schema) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
      statement.setString(1, schema);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** The oid and kind of a table-like relation, if it exists. */
  static Optional<Relation> relation(Connection connection, String schema, String table)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("""
        SELECT c.oid,
               CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned table'
                 WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' ELSE 'foreign table' END,
               pg_catalog.obj_description(c.oid, 'pg_class')
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f')""")) {
      statement.setString(1, schema);
      statement.setString(2, table);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next()
            ? Optional.of(new Relation(rs.getLong(1), rs.getString(2), rs.getString(3)))
            : Optional.empty();
      }
    }
  }

  /** A table-like relation: its oid, kind ({@code table}, {@code view} …) and comment (or null). */
  record Relation(long oid, String kind, String comment) {}
}
