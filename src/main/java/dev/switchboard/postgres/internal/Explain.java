package dev.switchboard.postgres.internal;

import dev.switchboard.upstream.ToolResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code explain}: the planner's plan for one statement, as {@code EXPLAIN} without
 * {@code ANALYZE} shows it, so the statement is planned but never run. Text or JSON format.
 */
final class Explain implements Operation {
  static final List<String> ALLOWED =
      List.of("SELECT", "WITH", "VALUES", "TABLE", "INSERT", "UPDATE", "DELETE", "MERGE");
  private static final Set<String> ARGUMENTS = Set.of("sql", "format");
  private final StatementGuard guard =
      new StatementGuard(ALLOWED, "this tool shows plans without running statements");

  @Override
  public String name() {
    return "explain";
  }

  @Override
  public String title() {
    return "Explain a query plan";
  }

  @Override
  public String description() {
    return "Show PostgreSQL's execution plan for one statement (EXPLAIN without ANALYZE: the "
        + "statement is planned, not run). Accepts SELECT, WITH, VALUES, TABLE, INSERT, UPDATE, "
        + "DELETE and MERGE. Use it to check indexes and costs before running a heavy query.";
  }

  @Override
  public ObjectNode inputSchema() {
    ObjectNode schema = Schemas.object();
    Schemas.property(schema, "sql", "string", "The statement to explain, without EXPLAIN.")
        .put("minLength", 1).put("maxLength", 100_000);
    Schemas.property(schema, "format", "string", "text (default) or json.")
        .put("default", "text").putArray("enum").add("text").add("json");
    return Schemas.required(schema, "sql");
  }

  @Override
  public Optional<String> check(JsonNode arguments) {
    Arguments args = Arguments.of(arguments, ARGUMENTS);
    format(args);
    return guard.problem(args.requiredString("sql"));
  }

  @Override
  public ToolResult run(Connection connection, JsonNode arguments) throws SQLException {
    Arguments args = Arguments.of(arguments, ARGUMENTS);
    String format = format(args);
    StringBuilder plan = new StringBuilder();
    try (Statement statement = connection.createStatement()) {
      statement.setEscapeProcessing(false);
      String sql = "EXPLAIN (FORMAT " + format.toUpperCase(Locale.ROOT) + ") "
          + args.requiredString("sql");
      try (ResultSet rs = statement.executeQuery(sql)) {
        while (rs.next()) {
          plan.append(plan.length() == 0 ? "" : "\n").append(rs.getString(1));
        }
      }
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode().put("format", format);
    if (format.equals("json")) {
      try {
        out.set("plan", JsonMapper.shared().readTree(plan.toString()));
      } catch (JacksonException e) {
        out.put("plan", plan.toString());
      }
    } else {
      out.put("plan", plan.toString());
    }
    return ToolResult.ok(plan.toString(), out, null);
  }

  private static String format(Arguments args) {
    String format = args.string("format", "text");
    if (!format.equals("text") && !format.equals("json")) {
      throw new InvalidArgumentsException("format must be text or json");
    }
    return format;
  }
}
