package dev.switchboard.tool.internal;

import java.math.BigDecimal;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Copies a Jackson 2 tree (what swagger-parser produces) into a Jackson 3 tree, the only JSON model
 * the rest of Switchboard uses. Keeps property order and number types. Stateless.
 */
final class JacksonTrees {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final BigDecimal LONG_RANGE = BigDecimal.valueOf(Long.MAX_VALUE);

  private JacksonTrees() {}

  static JsonNode toJackson3(com.fasterxml.jackson.databind.JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT:
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e : node.properties()) {
          object.set(e.getKey(), toJackson3(e.getValue()));
        }
        return object;
      case ARRAY:
        ArrayNode array = NODES.arrayNode(node.size());
        node.forEach(element -> array.add(toJackson3(element)));
        return array;
      case STRING:
        return NODES.stringNode(node.textValue());
      case BOOLEAN:
        return NODES.booleanNode(node.booleanValue());
      case NUMBER:
        return number(node);
      default:
        // NULL and MISSING; BINARY and POJO do not occur in parsed documents or swagger's models
        return node.isNull() || node.isMissingNode() ? NODES.nullNode() : NODES.stringNode(node.asText());
    }
  }

  private static JsonNode number(com.fasterxml.jackson.databind.JsonNode node) {
    if (node.isInt() || node.isLong()) {
      return integer(node.longValue());
    }
    if (node.isBigInteger()) {
      return NODES.numberNode(node.bigIntegerValue());
    }
    if (node.isBigDecimal()) {
      // swagger's models hold bounds as BigDecimal: write 0 rather than 0.0 where the value is whole
      BigDecimal value = node.decimalValue();
      boolean whole = value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
      return whole && value.abs().compareTo(LONG_RANGE) < 0 ? integer(value.longValueExact()) : NODES.numberNode(value);
    }
    return NODES.numberNode(node.doubleValue());
  }

  /** As an int node when it fits, like a JSON parser would read it. */
  private static JsonNode integer(long value) {
    return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
  }
}
