package dev.switchboard.sql.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One result cell as JSON, by its PostgreSQL type: integers and finite decimals as numbers,
 * {@code bool} as a boolean, {@code json}/{@code jsonb} as the JSON value itself, SQL NULL as
 * null, everything else (dates, times, arrays, bytea in hex, NaN) as PostgreSQL's text form.
 * Texts longer than {@value #MAX_TEXT} characters are cut and end with {@code …}. Stateless.
 */
final class Cells {
  static final int MAX_TEXT = 10_000;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> INTEGERS = Set.of("int2", "int4", "int8", "oid", "xid");
  private static final Set<String> DECIMALS = Set.of("numeric", "float4", "float8");
  private static final Set<String> JSON = Set.of("json", "jsonb");

  private Cells() {}

  static JsonNode read(ResultSet rs, int column, String type) throws SQLException {
    if ("bool".equals(type)) {
      boolean value = rs.getBoolean(column);
      return rs.wasNull() ? NODES.nullNode() : NODES.booleanNode(value);
    }
    String text = rs.getString(column);
    if (text == null) {
      return NODES.nullNode();
    }
    if (INTEGERS.contains(type) || DECIMALS.contains(type)) {
      try {
        BigDecimal number = new BigDecimal(text);
        return INTEGERS.contains(type) ? NODES.numberNode(number.toBigIntegerExact()) : NODES.numberNode(number);
      } catch (NumberFormatException | ArithmeticException e) {
        return NODES.stringNode(text); // NaN, Infinity
      }
    }
    if (JSON.contains(type) && text.length() <= MAX_TEXT) {
      try {
        return JsonMapper.shared().readTree(text);
      } catch (JacksonException e) {
        return NODES.stringNode(text);
      }
    }
    return NODES.stringNode(text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…");
  }

  /** The cell as shown in the text table. */
  static String display(JsonNode cell) {
    if (cell.isNull()) {
      return null;
    }
    return cell.isString() ? cell.stringValue() : cell.toString();
  }
}
