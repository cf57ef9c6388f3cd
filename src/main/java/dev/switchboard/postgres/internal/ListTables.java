package dev.switchboard.postgres.internal;

import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.ToolResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code list_tables}: the tables, views, materialized views and foreign tables of one schema
 * ({@code public} unless given), with their kind, the planner's row estimate and comment.
 */
final class ListTables implements Operation {
  private static final String SQL = """
      SELECT c.relname,
             CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned table'
               WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' ELSE 'foreign table' END,
             CASE WHEN c.reltuples < 0 THEN NULL ELSE c.reltuples::bigint END,
             pg_catalog.obj_description(c.oid, 'pg_class')
      FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
      ORDER BY c.relname
      LIMIT ?""";

  private final int limit;

  ListTables(int limit) {
    this.limit = limit;
  }

  @Override
  public String name() {
    return "list_tables";
  }

  @Override
  public String title() {
    return "List tables";
  }

  @Override
  public String description() {
    return "List the tables, views, materialized views and foreign tables of one schema of the "
        + "PostgreSQL database (default schema: public), with their kind, estimated row count and "
        + "comment. Use describe_table next to see a table's columns and keys.";
  }

  @Override
  public ObjectNode inputSchema() {
    ObjectNode schema = Schemas.object();
    Schemas.property(schema, "schema", "string", "The schema to list; default public.")
        .put("minLength", 1).put("default", "public");
    return schema;
  }

  @Override
  public Optional<String> check(JsonNode arguments) {
    Arguments.of(arguments, Set.of("schema")).string("schema", "public");
    return Optional.empty();
  }

  @Override
  public ToolResult run(Connection connection, JsonNode arguments) throws SQLException {
    String schemaName = Arguments.of(arguments, Set.of("schema")).string("schema", "public");
    if (!Catalogs.schemaExists(connection, schemaName)) {
      return ToolResult.failure(Outcome.UPSTREAM_REJECTED_REQUEST,
          "schema \"" + schemaName + "\" does not exist; list_schemas shows the schemas", null);
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode().put("schema", schemaName);
    ArrayNode tables = out.putArray("tables");
    List<List<String>> rows = new ArrayList<>();
    boolean truncated = false;
    try (PreparedStatement statement = connection.prepareStatement(SQL)) {
      statement.setString(1, schemaName);
      statement.setInt(2, limit + 1);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          if (tables.size() == limit) {
            truncated = true;
            break;
          }
          long estimate = rs.getLong(3);
          Long rowsEstimate = rs.wasNull() ? null : estimate;
          tables.addObject().put("name", rs.getString(1)).put("kind", rs.getString(2))
              .put("estimatedRows", rowsEstimate).put("comment", rs.getString(4));
          rows.add(List.of(rs.getString(1), rs.getString(2),
              rowsEstimate == null ? "unknown" : rowsEstimate.toString(), Objects.toString(rs.getString(4), "")));
        }
      }
    }
    out.put("truncated", truncated);
    String text = "Schema " + schemaName + ":\n"
        + TextTable.render(List.of("name", "kind", "estimated rows", "comment"), rows)
        + "(" + tables.size() + (tables.size() == 1 ? " relation)" : " relations)")
        + (truncated ? "\nNotice: only the first " + limit + " relations are listed." : "");
    return ToolResult.ok(text, out, null);
  }
}
