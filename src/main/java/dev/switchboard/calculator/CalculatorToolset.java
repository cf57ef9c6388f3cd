package dev.switchboard.calculator;

import dev.switchboard.provider.Provider;
import dev.switchboard.tool.BuiltinCall;
import dev.switchboard.tool.Tool;
import dev.switchboard.tool.ToolNames;
import dev.switchboard.upstream.BuiltinToolset;
import dev.switchboard.upstream.CallContext;
import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.ToolResult;
import dev.switchboard.vault.SecretFields;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Set;
import java.util.function.BinaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The built-in demo calculator: a no-auth tool set that needs no outside account, so that a fresh
 * install gives a working bundle end to end. Exact decimal arithmetic on two numbers.
 */
public final class CalculatorToolset implements BuiltinToolset {
  private static final List<Operation> OPERATIONS = List.of(
      new Operation("add", "Add two numbers: a + b.", BigDecimal::add),
      new Operation("subtract", "Subtract b from a: a - b.", BigDecimal::subtract),
      new Operation("multiply", "Multiply two numbers: a × b.", BigDecimal::multiply),
      new Operation("divide", "Divide a by b (b must not be 0), to 34 significant digits.",
          (a, b) -> a.divide(b, MathContext.DECIMAL128)));

  private record Operation(String name, String description, BinaryOperator<BigDecimal> apply) {}

  private final JsonMapper json;

  public CalculatorToolset(JsonMapper json) {
    this.json = json;
  }

  @Override
  public String name() {
    return "calculator";
  }

  @Override
  public List<Tool> tools(Provider provider) {
    if (!name().equals(provider.builtin())) {
      return List.of();
    }
    return OPERATIONS.stream().map(op -> new Tool(ToolNames.of(provider.slug(), op.name()),
        provider.slug(), op.name(), capitalized(op.name()), op.description(), schema(), Set.of(),
        new BuiltinCall(name(), op.name()))).toList();
  }

  @Override
  public ToolResult call(Provider provider, String operation, JsonNode arguments,
      SecretFields secrets, CallContext context) {
    Operation op = OPERATIONS.stream().filter(o -> o.name().equals(operation)).findFirst()
        .orElse(null);
    if (op == null) {
      return ToolResult.failure(Outcome.INVALID_ARGUMENTS, "unknown operation " + operation, null);
    }
    BigDecimal a = arguments.path("a").decimalValue();
    BigDecimal b = arguments.path("b").decimalValue();
    if (op.name().equals("divide") && b.signum() == 0) {
      return ToolResult.failure(Outcome.INVALID_ARGUMENTS, "cannot divide by zero: b must not be 0", null);
    }
    BigDecimal result = op.apply().apply(a, b).stripTrailingZeros();
    ObjectNode structured = json.createObjectNode().put("result", result);
    return ToolResult.ok(result.toPlainString(), structured, null);
  }

  private ObjectNode schema() {
    ObjectNode schema = json.createObjectNode().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    properties.putObject("a").put("type", "number").put("description", "The first number");
    properties.putObject("b").put("type", "number").put("description", "The second number");
    schema.putArray("required").add("a").add("b");
    schema.put("additionalProperties", false);
    return schema;
  }

  private static String capitalized(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
