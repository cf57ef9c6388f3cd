package dev.switchboard.sql.internal;

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
 * {@code list_tables}: the tables and views of one schema (the engine's default unless given), with
 * their kind, the planner's row estimate and comment.
 */
final class ListTables implements Operation {
  private final Dialect dialect;
  private final int limit;

  ListTables(Dialect dialect, int limit) {
    this.dialect = dialect;
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
    return "List the tables and views of one schema of the " + dialect.product() + " database (default "
        + SchemaArgument.defaultText(dialect) + "), with their kind, estimated row count and comment. Use "
        + "describe_table next to see a table's columns and keys.";
  }

  @Override
  public ObjectNode inputSchema() {
    ObjectNode schema = Schemas.object();
    SchemaArgument.declare(dialect, schema, "The schema to list");
    return schema;
  }

  @Override
  public Optional<String> check(JsonNode arguments) {
    SchemaArgument.given(dialect, Arguments.of(arguments, Set.of("schema")));
    return Optional.empty();
  }

  @Override
  public ToolResult run(Connection connection, JsonNode arguments) throws SQLException {
    String schemaName = SchemaArgument.resolve(dialect, Arguments.of(arguments, Set.of("schema")), connection);
    if (!exists(connection, schemaName)) {
      return ToolResult.failure(Outcome.UPSTREAM_REJECTED_REQUEST,
          "schema \"" + schemaName + "\" does not exist; list_schemas shows the schemas", null);
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode().put("schema", schemaName);
    ArrayNode tables = out.putArray("tables");
    List<List<String>> rows = new ArrayList<>();
    boolean truncated = false;
    try (PreparedStatement statement = connection.prepareStatement(dialect.catalog().queries().listTables())) {
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

  private boolean exists(Connection connection, String schema) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(dialect.catalog().queries().schemaExists())) {
      statement.setString(1, schema);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next();
      }
    }
  }
}
