package dev.switchboard.tool.internal;

import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rewrites that make an OpenAPI schema object valid, equivalent JSON Schema 2020-12:
 * {@code example} → {@code examples: [example]}; boolean {@code exclusiveMinimum}/{@code Maximum}
 * → the numeric form; {@code nullable: true} (3.0 only) → {@code "null"} added to {@code type} and
 * {@code enum}, or {@code anyOf: [schema, {type: null}]} when there is no {@code type}; and, because
 * these schemas describe requests, {@code readOnly} properties are no longer {@code required}
 * (OpenAPI 3.0.3, Schema Object, {@code readOnly}: "the required will take effect on the response only").
 */
final class OpenApi30Keywords {
  /** Keywords that describe a schema without constraining it. */
  static final Set<String> ANNOTATIONS = Set.of("title", "description", "default", "example", "examples",
      "deprecated", "readOnly", "writeOnly");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private OpenApi30Keywords() {}

  /** Rewrites {@code out}, the converted keywords of {@code source}; returns the final schema. */
  static JsonNode rewrite(JsonNode source, ObjectNode out, boolean openApi30) {
    if (source.has("example") && !out.path("examples").isArray()) {
      out.putArray("examples").add(source.get("example").deepCopy());
    }
    if (out.has("examples") && !out.get("examples").isArray()) {
      out.remove("examples"); // 3.0 has no schema "examples"; 3.1 requires an array
    }
    exclusiveBound(out, "exclusiveMinimum", "minimum");
    exclusiveBound(out, "exclusiveMaximum", "maximum");
    dropReadOnlyFromRequired(out);
    boolean nullable = source.path("nullable").isBoolean() && source.get("nullable").booleanValue();
    return openApi30 && nullable ? nullable(out) : out;
  }

  private static void exclusiveBound(ObjectNode out, String exclusive, String bound) {
    JsonNode flag = out.get(exclusive);
    if (flag == null || !flag.isBoolean()) {
      return;
    }
    out.remove(exclusive);
    if (flag.booleanValue() && out.has(bound)) {
      out.set(exclusive, out.remove(bound));
    }
  }

  private static void dropReadOnlyFromRequired(ObjectNode out) {
    JsonNode required = out.get("required");
    JsonNode properties = out.path("properties");
    if (required == null || !required.isArray() || !properties.isObject()) {
      return;
    }
    ArrayNode kept = NODES.arrayNode();
    required.forEach(name -> {
      JsonNode property = properties.path(name.asString());
      if (!(property.path("readOnly").isBoolean() && property.get("readOnly").booleanValue())) {
        kept.add(name);
      }
    });
    if (kept.isEmpty()) {
      out.remove("required");
    } else {
      out.set("required", kept);
    }
  }

  private static JsonNode nullable(ObjectNode out) {
    JsonNode type = out.get("type");
    if (type == null) {
      if (out.isEmpty()) {
        return out; // {} already accepts null
      }
      ObjectNode either = NODES.objectNode();
      either.putArray("anyOf").add(out).add(NODES.objectNode().put("type", "null"));
      return either;
    }
    if (type.isString()) {
      out.putArray("type").add(type.stringValue()).add("null");
    } else if (type.isArray() && !contains(type, "null")) {
      ((ArrayNode) type).add("null");
    }
    if (out.path("enum").isArray() && !containsNull(out.get("enum"))) {
      ((ArrayNode) out.get("enum")).addNull();
    }
    return out;
  }

  private static boolean contains(JsonNode array, String text) {
    for (JsonNode element : array) {
      if (element.isString() && element.stringValue().equals(text)) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsNull(JsonNode array) {
    for (JsonNode element : array) {
      if (element.isNull()) {
        return true;
      }
    }
    return false;
  }
}
