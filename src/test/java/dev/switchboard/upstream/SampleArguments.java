package dev.switchboard.upstream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Arguments a tool's input schema accepts, made from the schema alone as a model would: every
 * required property, plus the optional ones named in {@code extras} when the schema has them; a
 * value is the schema's {@code const}, first {@code enum} member or {@code default}, else a plain
 * value of its type and format within its bounds. Empty when the schema asks for something this
 * cannot make (a {@code pattern} on a required string that {@link PatternSample} cannot follow, a
 * recursion deeper than 6).
 */
final class SampleArguments {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonNode root;

  private SampleArguments(JsonNode root) {
    this.root = root;
  }

  static Optional<ObjectNode> of(JsonNode inputSchema, List<String> extras) {
    SampleArguments samples = new SampleArguments(inputSchema);
    try {
      ObjectNode arguments = (ObjectNode) samples.object(inputSchema, 0);
      inputSchema.path("properties").properties().forEach(p -> {
        if (extras.contains(p.getKey()) && !arguments.has(p.getKey())) {
          arguments.set(p.getKey(), samples.value(p.getValue(), 1));
        }
      });
      return Optional.of(arguments);
    } catch (Unsupported e) {
      return Optional.empty();
    }
  }

  private JsonNode value(JsonNode schema, int depth) {
    if (depth > 6) {
      throw new Unsupported();
    }
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asString();
      return value(root.at(ref.substring(1)), depth + 1);
    }
    if (schema.has("const")) {
      return schema.get("const");
    }
    if (schema.path("enum").isArray() && !schema.get("enum").isEmpty()) {
      for (JsonNode member : schema.get("enum")) {
        if (!member.isNull() && !member.asString().isEmpty()) {
          return member;
        }
      }
      return schema.get("enum").get(0);
    }
    if (schema.has("default") && !schema.get("default").isNull()) {
      return schema.get("default");
    }
    for (String combinator : List.of("anyOf", "oneOf")) {
      if (schema.path(combinator).isArray()) {
        for (JsonNode branch : schema.get(combinator)) {
          if (!"null".equals(branch.path("type").asString(""))) {
            return value(branch, depth + 1);
          }
        }
      }
    }
    if (schema.path("allOf").isArray()) {
      ObjectNode merged = NODES.objectNode();
      for (JsonNode part : schema.get("allOf")) {
        JsonNode value = value(part, depth + 1);
        if (value.isObject()) {
          merged.setAll((ObjectNode) value);
        } else {
          return value;
        }
      }
      if (schema.has("properties")) {
        merged.setAll((ObjectNode) object(schema, depth));
      }
      return merged;
    }
    return switch (type(schema)) {
      case "object" -> object(schema, depth);
      case "array" -> array(schema, depth);
      case "integer" -> NODES.numberNode(bound(schema, 1));
      case "number" -> NODES.numberNode(bound(schema, 1));
      case "boolean" -> NODES.booleanNode(true);
      case "null" -> NODES.nullNode();
      default -> NODES.stringNode(string(schema));
    };
  }

  private static String type(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (!t.asString().equals("null")) {
          return t.asString();
        }
      }
    }
    if (type.isString()) {
      return type.asString();
    }
    return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
  }

  private JsonNode object(JsonNode schema, int depth) {
    ObjectNode object = NODES.objectNode();
    Map<String, JsonNode> properties = new LinkedHashMap<>();
    schema.path("properties").properties().forEach(p -> properties.put(p.getKey(), p.getValue()));
    for (JsonNode required : schema.path("required")) {
      JsonNode property = properties.get(required.asString());
      if (property != null) {
        object.set(required.asString(), value(property, depth + 1));
      } else {
        object.put(required.asString(), "x");
      }
    }
    return object;
  }

  private JsonNode array(JsonNode schema, int depth) {
    ArrayNode array = NODES.arrayNode();
    int count = Math.max(1, schema.path("minItems").asInt(1));
    JsonNode items = schema.path("items");
    for (int i = 0; i < count; i++) {
      array.add(items.isObject() ? value(items, depth + 1) : NODES.stringNode("x"));
    }
    return array;
  }

  private static long bound(JsonNode schema, long fallback) {
    if (schema.has("minimum")) {
      return (long) Math.ceil(schema.get("minimum").asDouble());
    }
    if (schema.has("exclusiveMinimum") && schema.get("exclusiveMinimum").isNumber()) {
      return (long) Math.floor(schema.get("exclusiveMinimum").asDouble()) + 1;
    }
    if (schema.has("maximum") && schema.get("maximum").asDouble() < fallback) {
      return (long) Math.floor(schema.get("maximum").asDouble());
    }
    return fallback;
  }

  private static String string(JsonNode schema) {
    String value = switch (schema.path("format").asString("")) {
      case "date-time" -> "2024-01-02T03:04:05Z";
      case "date" -> "2024-01-02";
      case "email" -> "someone@example.com";
      case "uri", "url" -> "https://example.com/a";
      case "uuid" -> "123e4567-e89b-12d3-a456-426614174000";
      case "ipv4" -> "192.0.2.1";
      case "int32", "int64", "unix-time" -> "1";
      default -> "abc";
    };
    if (schema.has("pattern")) {
      try {
        Pattern pattern = Pattern.compile(schema.get("pattern").asString());
        if (!pattern.matcher(value).find()) {
          value = PatternSample.of(pattern.pattern()).filter(v -> pattern.matcher(v).find())
              .orElseThrow(Unsupported::new);
          return value;
        }
      } catch (PatternSyntaxException e) {
        throw new Unsupported();
      }
    }
    int min = schema.path("minLength").asInt(0);
    StringBuilder padded = new StringBuilder(value);
    while (padded.length() < min) {
      padded.append('x');
    }
    int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
    return padded.length() > max ? padded.substring(0, max) : padded.toString();
  }

  /** The schema asks for a value this generator cannot make. */
  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }
}
