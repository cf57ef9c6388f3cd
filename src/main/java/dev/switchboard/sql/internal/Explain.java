package dev.switchboard.sql.internal;

import dev.switchboard.upstream.ToolResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
  private static final Set<String> ARGUMENTS = Set.of("sql", "format");
  private final Dialect dialect;
  private final StatementGuard guard;

  Explain(Dialect dialect) {
    this.dialect = dialect;
    this.guard = new StatementGuard(dialect, dialect.explainCommands(),
        "this tool shows plans without running statements");
  }

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
    return "Show " + dialect.product() + "'s execution plan for one statement (EXPLAIN without ANALYZE: "
        + "the statement is planned, not run). Accepts " + String.join(", ", dialect.explainCommands())
        + ". Use it to check indexes and costs before running a heavy query.";
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
      try (ResultSet rs = statement.executeQuery(dialect.explain(args.requiredString("sql"), format))) {
        plan.append(PlanText.read(rs));
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
