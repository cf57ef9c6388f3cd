package dev.switchboard.sql.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * PostgreSQL's system catalogs: schemas, relations, and the parts of one relation (columns,
 * constraints: primary key, foreign keys, checks; indexes). Stateless.
 */
final class PostgresCatalog implements DialectCatalog {
  private static final String SCHEMAS = """
      SELECT n.nspname, pg_catalog.pg_get_userbyid(n.nspowner),
             pg_catalog.obj_description(n.oid, 'pg_namespace')
      FROM pg_catalog.pg_namespace n
      WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
      ORDER BY n.nspname
      LIMIT ?""";
  private static final String TABLES = """
      SELECT c.relname,
             CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned table'
               WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' ELSE 'foreign table' END,
             CASE WHEN c.reltuples < 0 THEN NULL ELSE c.reltuples::bigint END,
             pg_catalog.obj_description(c.oid, 'pg_class')
      FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
      ORDER BY c.relname
      LIMIT ?""";
  private static final SchemaQueries QUERIES = new SchemaQueries(
      "system schemas pg_* and information_schema", SCHEMAS, TABLES,
      "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?");
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

  @Override
  public SchemaQueries queries() {
    return QUERIES;
  }

  @Override
  public Optional<Relation> relation(Connection connection, String schema, String table)
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
            ? Optional.of(new Relation(schema, table, rs.getLong(1), rs.getString(2), rs.getString(3)))
            : Optional.empty();
      }
    }
  }

  @Override
  public void columns(Connection connection, Relation relation, ArrayNode out) throws SQLException {
    DialectCatalog.addColumns(prepare(connection, COLUMNS, relation.oid()), out);
  }

  @Override
  public void constraints(Connection connection, Relation relation, ObjectNode description) throws SQLException {
    ArrayNode foreignKeys = description.putArray("foreignKeys");
    ArrayNode checks = description.putArray("checks");
    description.putNull("primaryKey");
    try (PreparedStatement statement = prepare(connection, CONSTRAINTS, relation.oid());
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

  @Override
  public void indexes(Connection connection, Relation relation, ArrayNode out) throws SQLException {
    try (PreparedStatement statement = prepare(connection, INDEXES, relation.oid());
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
