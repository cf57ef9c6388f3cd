package dev.switchboard.postgres.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the parts of one relation from the system catalogs into JSON: columns, constraints
 * (primary key, foreign keys, checks) and indexes. Stateless.
 */
final class TableParts {
  private static final String COLUMNS = """
      SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
             pg_catalog.pg_get_expr(d.adbin, d.adrelid),
             CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' END,
             pg_catalog.col_description(a.attrelid, a.attnum)
      FROM pg_catalog.pg_attribute a
      LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attrelid = CAST(? AS oid) AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attnum""";
  private static final String CONSTRAINTS = """
      SELECT c.conname, c.contype,
             ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
                   ORDER BY k.ord),
             fn.nspname, fc.relname,
             ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum
                   ORDER BY k.ord),
             CASE c.confupdtype WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL'
               WHEN 'd' THEN 'SET DEFAULT' ELSE 'NO ACTION' END,
             CASE c.confdeltype WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL'
               WHEN 'd' THEN 'SET DEFAULT' ELSE 'NO ACTION' END,
             pg_catalog.pg_get_constraintdef(c.oid)
      FROM pg_catalog.pg_constraint c
      LEFT JOIN pg_catalog.pg_class fc ON fc.oid = c.confrelid
      LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
      WHERE c.conrelid = CAST(? AS oid) AND c.contype IN ('p', 'f', 'c')
      ORDER BY c.contype, c.conname""";
  private static final String INDEXES = """
      SELECT i.relname, x.indisunique, x.indisprimary, pg_catalog.pg_get_indexdef(x.indexrelid)
      FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = CAST(? AS oid)
      ORDER BY i.relname""";

  private TableParts() {}

  static void columns(Connection connection, long oid, ArrayNode out) throws SQLException {
    try (PreparedStatement statement = prepare(connection, COLUMNS, oid);
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        out.addObject().put("name", rs.getString(1)).put("type", rs.getString(2))
            .put("nullable", rs.getBoolean(3)).put("default", rs.getString(4))
            .put("identity", rs.getString(5)).put("primaryKey", false).put("comment", rs.getString(6));
      }
    }
  }

  /** Fills the description's {@code primaryKey}, {@code foreignKeys} and {@code checks}. */
  static void constraints(Connection connection, long oid, ObjectNode description) throws SQLException {
    ArrayNode foreignKeys = description.putArray("foreignKeys");
    ArrayNode checks = description.putArray("checks");
    description.putNull("primaryKey");
    try (PreparedStatement statement = prepare(connection, CONSTRAINTS, oid);
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        String name = rs.getString(1);
        switch (rs.getString(2)) {
          case "p" -> description.putObject("primaryKey").put("name", name)
              .set("columns", names(rs.getArray(3)));
          case "f" -> {
            ObjectNode key = foreignKeys.addObject().put("name", name);
            key.set("columns", names(rs.getArray(3)));
            ObjectNode references = key.putObject("references")
                .put("schema", rs.getString(4)).put("table", rs.getString(5));
            references.set("columns", names(rs.getArray(6)));
            key.put("onUpdate", rs.getString(7)).put("onDelete", rs.getString(8));
          }
          default -> checks.addObject().put("name", name).put("definition", rs.getString(9));
        }
      }
    }
  }

  static void indexes(Connection connection, long oid, ArrayNode out) throws SQLException {
    try (PreparedStatement statement = prepare(connection, INDEXES, oid);
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        out.addObject().put("name", rs.getString(1)).put("unique", rs.getBoolean(2))
            .put("primary", rs.getBoolean(3)).put("definition", rs.getString(4));
      }
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, long oid)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      statement.setLong(1, oid);
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }

  private static ArrayNode names(Array array) throws SQLException {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    if (array != null) {
      for (Object name : (Object[]) array.getArray()) {
        out.add(String.valueOf(name));
      }
      array.free();
    }
    return out;
  }
}
