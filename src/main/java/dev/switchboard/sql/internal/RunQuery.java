package dev.switchboard.sql.internal;

import dev.switchboard.sql.SqlLimits;
import dev.switchboard.upstream.ToolResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code query}: one read-only SQL statement, its rows up to the row limit. The statement is sent
 * as typed, as a plain statement without JDBC escape processing or parameters.
 */
final class RunQuery implements Operation {
  private static final Set<String> ARGUMENTS = Set.of("sql", "max_rows");
  private static final int MAX_SQL = 100_000;

  private final Dialect dialect;
  private final SqlLimits limits;
  private final StatementGuard guard;

  RunQuery(Dialect dialect, SqlLimits limits) {
    this.dialect = dialect;
    this.limits = limits;
    this.guard = new StatementGuard(dialect, dialect.queryCommands(), "this tool is read-only");
  }

  @Override
  public String name() {
    return "query";
  }

  @Override
  public String title() {
    return "Run a read-only SQL query";
  }

  @Override
  public String description() {
    return "Run one read-only SQL statement (" + String.join(", ", dialect.queryCommands()) + ") on the "
        + dialect.product() + " database and get its rows. It runs in a READ ONLY transaction that is rolled "
        + "back, stops after " + Durations.text(limits.statementTimeout()) + " and returns at most "
        + limits.rowLimit() + " rows (max_rows lowers that; truncated says rows were left out). "
        + "One statement per call. Result: columns with their " + dialect.product() + " types, rows as arrays.";
  }

  @Override
  public ObjectNode inputSchema() {
    ObjectNode schema = Schemas.object();
    Schemas.property(schema, "sql", "string", "One SQL statement, e.g. SELECT * FROM orders "
        + "WHERE placed_on > CURRENT_DATE - 7. Write it in " + dialect.product() + "'s dialect.")
        .put("minLength", 1).put("maxLength", MAX_SQL);
    Schemas.property(schema, "max_rows", "integer", "The most rows to return; default and maximum "
        + limits.rowLimit() + ".").put("minimum", 1).put("maximum", limits.rowLimit())
        .put("default", limits.rowLimit());
    return Schemas.required(schema, "sql");
  }

  @Override
  public Optional<String> check(JsonNode arguments) {
    Arguments args = Arguments.of(arguments, ARGUMENTS);
    args.integer("max_rows", limits.rowLimit(), 1, limits.rowLimit());
    return guard.problem(sql(args));
  }

  @Override
  public ToolResult run(Connection connection, JsonNode arguments) throws SQLException {
    Arguments args = Arguments.of(arguments, ARGUMENTS);
    int maxRows = args.integer("max_rows", limits.rowLimit(), 1, limits.rowLimit());
    try (Statement statement = connection.createStatement()) {
      statement.setEscapeProcessing(false);
      statement.setMaxRows(maxRows + 1);
      if (!statement.execute(sql(args))) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.putArray("columns");
        out.putArray("rows");
        out.put("rowCount", 0).put("truncated", false);
        return ToolResult.ok("The statement returned no rows.", out, null);
      }
      ResultTable table = ResultTable.read(statement.getResultSet(), maxRows);
      return ToolResult.ok(table.text(), table.structured(), null);
    }
  }

  private static String sql(Arguments args) {
    String sql = args.requiredString("sql");
    if (sql.length() > MAX_SQL) {
      throw new InvalidArgumentsException("sql must have at most " + MAX_SQL + " characters");
    }
    return sql;
  }
}
