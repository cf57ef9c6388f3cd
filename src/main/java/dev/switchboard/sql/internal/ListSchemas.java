package dev.switchboard.sql.internal;

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

/** {@code list_schemas}: the database's schemas without the system ones, with owner and comment. */
final class ListSchemas implements Operation {
  private final Dialect dialect;
  private final int limit;

  ListSchemas(Dialect dialect, int limit) {
    this.dialect = dialect;
    this.limit = limit;
  }

  @Override
  public String name() {
    return "list_schemas";
  }

  @Override
  public String title() {
    return "List schemas";
  }

  @Override
  public String description() {
    return "List the schemas of the connected " + dialect.product() + " database with their owners and "
        + "comments (" + dialect.catalog().queries().hiddenSchemas() + " are left out). Start here, then "
        + "list the tables of a schema.";
  }

  @Override
  public ObjectNode inputSchema() {
    return Schemas.object();
  }

  @Override
  public Optional<String> check(JsonNode arguments) {
    Arguments.of(arguments, Set.of());
    return Optional.empty();
  }

  @Override
  public ToolResult run(Connection connection, JsonNode arguments) throws SQLException {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ArrayNode schemas = out.putArray("schemas");
    List<List<String>> rows = new ArrayList<>();
    boolean truncated = false;
    try (PreparedStatement statement = connection.prepareStatement(dialect.catalog().queries().listSchemas())) {
      statement.setInt(1, limit + 1);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          if (schemas.size() == limit) {
            truncated = true;
            break;
          }
          schemas.addObject().put("name", rs.getString(1)).put("owner", rs.getString(2))
              .put("comment", rs.getString(3));
          rows.add(List.of(rs.getString(1), Objects.toString(rs.getString(2), ""),
              Objects.toString(rs.getString(3), "")));
        }
      }
    }
    out.put("truncated", truncated);
    String text = TextTable.render(List.of("schema", "owner", "comment"), rows)
        + "(" + schemas.size() + (schemas.size() == 1 ? " schema)" : " schemas)")
        + (truncated ? "\nNotice: only the first " + limit + " schemas are listed." : "");
    return ToolResult.ok(text, out, null);
  }
}
