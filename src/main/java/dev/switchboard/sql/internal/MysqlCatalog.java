package dev.switchboard.sql.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * MySQL's and MariaDB's {@code information_schema}: in MySQL a schema is a database, relations are
 * named by schema and table, and row counts are the storage engine's estimates. Stateless.
 */
final class MysqlCatalog implements DialectCatalog {
  private static final String KIND = "CASE table_type WHEN 'BASE TABLE' THEN 'table' WHEN 'VIEW' THEN 'view'"
      + " WHEN 'SYSTEM VIEW' THEN 'system view' ELSE LOWER(table_type) END";
  private static final String SCHEMAS = """
      SELECT schema_name, NULL, NULL FROM information_schema.schemata
      WHERE schema_name NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys')
      ORDER BY schema_name
      LIMIT ?""";
  private static final String TABLES = "SELECT table_name, " + KIND + ", table_rows, NULLIF(table_comment, '')"
      + " FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name LIMIT ?";
  private static final SchemaQueries QUERIES = new SchemaQueries(
      "system databases mysql, information_schema, performance_schema and sys", SCHEMAS, TABLES,
      "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?");
  private static final String COLUMNS = """
      SELECT column_name, column_type, is_nullable = 'YES', column_default,
             CASE WHEN extra LIKE '%auto_increment%' THEN 'by default' END, NULLIF(column_comment, '')
      FROM information_schema.columns WHERE table_schema = ? AND table_name = ?
      ORDER BY ordinal_position""";
  private static final String KEYS = """
      SELECT k.constraint_name, k.column_name, k.referenced_table_schema, k.referenced_table_name,
             k.referenced_column_name, r.update_rule, r.delete_rule
      FROM information_schema.key_column_usage k
      LEFT JOIN information_schema.referential_constraints r ON r.constraint_schema = k.constraint_schema
        AND r.constraint_name = k.constraint_name AND r.table_name = k.table_name
      WHERE k.table_schema = ? AND k.table_name = ?
        AND (k.constraint_name = 'PRIMARY' OR k.referenced_table_name IS NOT NULL)
      ORDER BY k.constraint_name = 'PRIMARY' DESC, k.constraint_name, k.ordinal_position""";
  private static final String CHECKS = """
      SELECT c.constraint_name, c.check_clause
      FROM information_schema.table_constraints t JOIN information_schema.check_constraints c
        ON c.constraint_schema = t.constraint_schema AND c.constraint_name = t.constraint_name
      WHERE t.table_schema = ? AND t.table_name = ? AND t.constraint_type = 'CHECK'
      ORDER BY c.constraint_name""";
  private static final String INDEXES = """
      SELECT index_name, MIN(non_unique) = 0, index_name = 'PRIMARY',
             GROUP_CONCAT(column_name ORDER BY seq_in_index SEPARATOR ', '), MIN(index_type)
      FROM information_schema.statistics WHERE table_schema = ? AND table_name = ?
      GROUP BY index_name ORDER BY index_name""";

  @Override
  public SchemaQueries queries() {
    return QUERIES;
  }

  @Override
  public Optional<Relation> relation(Connection connection, String schema, String table) throws SQLException {
    try (PreparedStatement statement = prepare(connection, "SELECT " + KIND + ", NULLIF(table_comment, '')"
        + " FROM information_schema.tables WHERE table_schema = ? AND table_name = ?", schema, table);
        ResultSet rs = statement.executeQuery()) {
      return rs.next() ? Optional.of(new Relation(schema, table, 0, rs.getString(1), rs.getString(2)))
          : Optional.empty();
    }
  }

  @Override
  public void columns(Connection connection, Relation relation, ArrayNode out) throws SQLException {
    DialectCatalog.addColumns(prepare(connection, COLUMNS, relation.schema(), relation.table()), out);
  }

  @Override
  public void constraints(Connection connection, Relation relation, ObjectNode description) throws SQLException {
    description.putNull("primaryKey");
    Map<String, ObjectNode> foreign = new LinkedHashMap<>();
    try (PreparedStatement statement = prepare(connection, KEYS, relation.schema(), relation.table());
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        String name = rs.getString(1);
        if (name.equals("PRIMARY")) {
          ObjectNode key = description.get("primaryKey").isNull()
              ? description.putObject("primaryKey").put("name", name) : (ObjectNode) description.get("primaryKey");
          (key.has("columns") ? (ArrayNode) key.get("columns") : key.putArray("columns")).add(rs.getString(2));
          continue;
        }
        ObjectNode key = foreign.computeIfAbsent(name, n -> {
          ObjectNode fk = JsonNodeFactory.instance.objectNode().put("name", n);
          fk.putArray("columns");
          fk.putObject("references").putArray("columns");
          return fk;
        });
        ((ArrayNode) key.get("columns")).add(rs.getString(2));
        ObjectNode references = (ObjectNode) key.get("references");
        references.put("schema", rs.getString(3)).put("table", rs.getString(4));
        ((ArrayNode) references.get("columns")).add(rs.getString(5));
        key.put("onUpdate", rs.getString(6)).put("onDelete", rs.getString(7));
      }
    }
    description.putArray("foreignKeys").addAll(foreign.values());
    ArrayNode checks = description.putArray("checks");
    try (PreparedStatement statement = prepare(connection, CHECKS, relation.schema(), relation.table());
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        checks.addObject().put("name", rs.getString(1)).put("definition", "CHECK (" + rs.getString(2) + ")");
      }
    }
  }

  @Override
  public void indexes(Connection connection, Relation relation, ArrayNode out) throws SQLException {
    try (PreparedStatement statement = prepare(connection, INDEXES, relation.schema(), relation.table());
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        boolean unique = rs.getBoolean(2);
        out.addObject().put("name", rs.getString(1)).put("unique", unique).put("primary", rs.getBoolean(3))
            .put("definition", (unique ? "UNIQUE " : "") + rs.getString(5) + " (" + rs.getString(4) + ")");
      }
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, String schema, String table)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      statement.setString(1, schema);
      statement.setString(2, table);
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }
}
