package dev.switchboard.tool.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drops the {@code examples} that contradict their own schema (a string example of an integer, a value
 * outside the {@code enum}, an object missing a required property …) from a converted input schema:
 * an AI copies examples, so a wrong one makes a wrong call. The check is shallow on purpose: type,
 * {@code enum}, {@code const}, string length and {@code pattern}, number bounds, array length,
 * required properties, and the same for the properties and items
 * of the example that the schema describes directly; what it cannot tell ({@code $ref},
 * {@code allOf}/{@code anyOf}/{@code oneOf}, formats, patterns) it lets through. Stateless.
 */
final class Examples {
  private static final int MAX_DEPTH = 32;

  private Examples() {}

  /** Removes, in place, every contradicting example of {@code schema} and its subschemas; an emptied list goes. */
  static void pruneContradicting(JsonNode schema) {
    walk(schema, 0);
  }

  private static void walk(JsonNode node, int depth) {
    if (depth > 2 * MAX_DEPTH + 200) {
      return;
    }
    if (node.isArray()) {
      node.forEach(child -> walk(child, depth + 1));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    ObjectNode object = (ObjectNode) node;
    if (object.path("examples").isArray()) {
      List<JsonNode> kept = new ArrayList<>();
      object.get("examples").forEach(e -> {
        if (fits(e, object, 0)) {
          kept.add(e);
        }
      });
      if (kept.isEmpty()) {
        object.remove("examples");
      } else if (kept.size() < object.get("examples").size()) {
        ArrayNode examples = object.putArray("examples");
        kept.forEach(examples::add);
      }
    }
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      if (!field.getKey().equals("examples") && !field.getKey().equals("default") && !field.getKey().equals("enum")
          && !field.getKey().equals("const")) {
        walk(field.getValue(), depth + 1);
      }
    }
  }

  /** Whether {@code value} does not contradict {@code schema} as far as a shallow look can tell. */
  static boolean fits(JsonNode value, JsonNode schema, int depth) {
    if (depth > MAX_DEPTH || !schema.isObject() || schema.has("$ref")) {
      return true;
    }
    if (schema.has("type") && !typeFits(value, schema.get("type"))) {
      return false;
    }
    if (schema.path("enum").isArray() && !contains(schema.get("enum"), value)) {
      return false;
    }
    if (schema.has("const") && !schema.get("const").equals(value)) {
      return false;
    }
    if (value.isString() && !stringFits(value.stringValue(), schema)) {
      return false;
    }
    if (value.isNumber() && !numberFits(value.decimalValue(), schema)) {
      return false;
    }
    if (value.isArray() && (value.size() < schema.path("minItems").asInt(0)
        || value.size() > schema.path("maxItems").asInt(Integer.MAX_VALUE))) {
      return false;
    }
    if (value.isObject()) {
      for (JsonNode required : schema.path("required")) {
        if (required.isString() && !value.has(required.stringValue())) {
          return false;
        }
      }
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        JsonNode property = schema.path("properties").path(field.getKey());
        if (!property.isMissingNode() && !fits(field.getValue(), property, depth + 1)) {
          return false;
        }
      }
    }
    if (value.isArray() && schema.path("items").isObject()) {
      for (JsonNode item : value) {
        if (!fits(item, schema.get("items"), depth + 1)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean stringFits(String text, JsonNode schema) {
    int length = text.codePointCount(0, text.length());
    if (length < schema.path("minLength").asInt(0) || length > schema.path("maxLength").asInt(Integer.MAX_VALUE)) {
      return false;
    }
    if (schema.path("pattern").isString()) {
      try {
        return Pattern.compile(schema.get("pattern").stringValue()).matcher(text).find();
      } catch (PatternSyntaxException | StackOverflowError e) {
        return true; // a pattern Java cannot read: not this check's to judge
      }
    }
    return true;
  }

  private static boolean numberFits(BigDecimal number, JsonNode schema) {
    return (!schema.path("minimum").isNumber() || number.compareTo(schema.get("minimum").decimalValue()) >= 0)
        && (!schema.path("maximum").isNumber() || number.compareTo(schema.get("maximum").decimalValue()) <= 0)
        && (!schema.path("exclusiveMinimum").isNumber()
            || number.compareTo(schema.get("exclusiveMinimum").decimalValue()) > 0)
        && (!schema.path("exclusiveMaximum").isNumber()
            || number.compareTo(schema.get("exclusiveMaximum").decimalValue()) < 0);
  }

  private static boolean typeFits(JsonNode value, JsonNode type) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (typeFits(value, t)) {
          return true;
        }
      }
      return false;
    }
    switch (type.asString("")) {
      case "string":
        return value.isString();
      case "integer":
        return value.isIntegralNumber() || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
      case "number":
        return value.isNumber();
      case "boolean":
        return value.isBoolean();
      case "array":
        return value.isArray();
      case "object":
        return value.isObject();
      case "null":
        return value.isNull();
      default:
        return true;
    }
  }

  private static boolean contains(JsonNode values, JsonNode value) {
    for (JsonNode v : values) {
      if (v.equals(value) || (v.isNumber() && value.isNumber() && v.decimalValue().compareTo(value.decimalValue()) == 0)) {
        return true;
      }
    }
    return false;
  }
}
