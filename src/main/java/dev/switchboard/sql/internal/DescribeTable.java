package dev.switchboard.sql.internal;

import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.ToolResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code describe_table}: one table's (or view's) columns with types, nullability, defaults and
 * comments, its primary key, foreign keys, check constraints and indexes.
 */
final class DescribeTable implements Operation {
  private static final Set<String> ARGUMENTS = Set.of("schema", "table");

  private final Dialect dialect;

  DescribeTable(Dialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public String name() {
    return "describe_table";
  }

  @Override
  public String title() {
    return "Describe table";
  }

  @Override
  public String description() {
    return "Describe one table or view of the " + dialect.product() + " database: its columns (type, nullable, "
        + "default, identity, comment), primary key, foreign keys (with the referenced table and "
        + "columns), check constraints and indexes. Names are exact (case-sensitive, unquoted).";
  }

  @Override
  public ObjectNode inputSchema() {
    ObjectNode schema = Schemas.object();
    SchemaArgument.declare(dialect, schema, "The table's schema");
    Schemas.property(schema, "table", "string", "The table or view name, exactly as stored.")
        .put("minLength", 1);
    return Schemas.required(schema, "table");
  }

  @Override
  public Optional<String> check(JsonNode arguments) {
    Arguments args = Arguments.of(arguments, ARGUMENTS);
    SchemaArgument.given(dialect, args);
    args.requiredString("table");
    return Optional.empty();
  }

  @Override
  public ToolResult run(Connection connection, JsonNode arguments) throws SQLException {
    Arguments args = Arguments.of(arguments, ARGUMENTS);
    String schemaName = SchemaArgument.resolve(dialect, args, connection);
    String table = args.requiredString("table");
    DialectCatalog catalog = dialect.catalog();
    Optional<DialectCatalog.Relation> relation = catalog.relation(connection, schemaName, table);
    if (relation.isEmpty()) {
      return ToolResult.failure(Outcome.UPSTREAM_REJECTED_REQUEST, "table " + schemaName + "." + table
          + " does not exist; list_tables shows the tables of a schema", null);
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode()
        .put("schema", schemaName).put("table", table)
        .put("kind", relation.get().kind()).put("comment", relation.get().comment());
    ArrayNode columns = out.putArray("columns");
    catalog.columns(connection, relation.get(), columns);
    catalog.constraints(connection, relation.get(), out);
    catalog.indexes(connection, relation.get(), out.putArray("indexes"));
    markPrimaryKey(out, columns);
    return ToolResult.ok(DescriptionText.render(out), out, null);
  }

  private static void markPrimaryKey(ObjectNode out, ArrayNode columns) {
    JsonNode key = out.get("primaryKey");
    if (key == null || key.isNull()) {
      return;
    }
    Set<String> names = new HashSet<>();
    key.get("columns").forEach(name -> names.add(name.stringValue()));
    columns.forEach(column -> ((ObjectNode) column)
        .put("primaryKey", names.contains(column.get("name").stringValue())));
  }
}
