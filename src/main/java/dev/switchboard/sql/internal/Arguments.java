package dev.switchboard.sql.internal;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a tool's arguments: an object with only known names, strings and whole numbers where the
 * schema says so. Absent and JSON null both mean "not given". Immutable.
 */
final class Arguments {
  private final JsonNode node;

  private Arguments(JsonNode node) {
    this.node = node;
  }

  /** @throws InvalidArgumentsException when the arguments are not an object or name an unknown argument */
  static Arguments of(JsonNode node, Set<String> known) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return new Arguments(null);
    }
    if (!node.isObject()) {
      throw new InvalidArgumentsException("arguments must be an object");
    }
    for (String name : node.propertyNames()) {
      if (!known.contains(name)) {
        throw new InvalidArgumentsException("unknown argument " + name);
      }
    }
    return new Arguments(node);
  }

  String string(String name, String fallback) {
    JsonNode value = value(name);
    if (value == null) {
      return fallback;
    }
    if (!value.isString() || value.stringValue().isEmpty()) {
      throw new InvalidArgumentsException(name + " must be a non-empty string");
    }
    return value.stringValue();
  }

  String requiredString(String name) {
    String value = string(name, null);
    if (value == null) {
      throw new InvalidArgumentsException(name + " is required");
    }
    return value;
  }

  int integer(String name, int fallback, int min, int max) {
    JsonNode value = value(name);
    if (value == null) {
      return fallback;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()
        || value.intValue() < min || value.intValue() > max) {
      throw new InvalidArgumentsException(name + " must be a whole number from " + min + " to " + max);
    }
    return value.intValue();
  }

  private JsonNode value(String name) {
    JsonNode value = node == null ? null : node.get(name);
    return value == null || value.isNull() ? null : value;
  }
}
