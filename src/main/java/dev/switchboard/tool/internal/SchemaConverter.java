package dev.switchboard.tool.internal;

import dev.switchboard.tool.SkipReason;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns OpenAPI schemas (3.0 dialect, or 3.1 = JSON Schema 2020-12) into self-contained JSON Schema
 * 2020-12 for one tool: local {@code $ref}s are inlined, recursive ones become
 * {@code #/$defs/Name} (collected in {@link #defs()}), 3.0 constructs are rewritten
 * ({@link OpenApi30Keywords}), and keywords that are not JSON Schema (OpenAPI's {@code discriminator},
 * {@code xml}, {@code externalDocs}, {@code x-*}, as well as {@code $id}, {@code $schema} and
 * {@code $anchor}, which could make a validator fetch) are dropped. One instance per tool; not
 * thread-safe.
 */
final class SchemaConverter {
  /** Schema objects one tool's input schema may have once references are inlined. */
  static final int MAX_SCHEMAS = 10_000;
  /** How deep schemas may nest once references are inlined (GitHub's deepest is under 10). */
  static final int MAX_DEPTH = 100;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> SUBSCHEMA = Set.of("items", "not", "additionalProperties", "contains",
      "propertyNames", "if", "then", "else", "unevaluatedItems", "unevaluatedProperties", "contentSchema");
  private static final Set<String> SCHEMA_LIST = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
  private static final Set<String> SCHEMA_MAP = Set.of("properties", "patternProperties", "dependentSchemas");
  private static final Set<String> VALUES = Set.of("type", "enum", "const", "format", "default", "title",
      "description", "examples", "readOnly", "writeOnly", "deprecated", "multipleOf", "maximum", "minimum",
      "exclusiveMaximum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems",
      "uniqueItems", "maxContains", "minContains", "maxProperties", "minProperties", "required",
      "dependentRequired", "contentEncoding", "contentMediaType");

  private final ApiDocument document;
  private final RefGraph refs;
  private final Map<String, String> defNames = new TreeMap<>();
  private final Map<String, JsonNode> defs = new TreeMap<>();
  private int schemas;
  private int depth;

  SchemaConverter(ApiDocument document, RefGraph refs) {
    this.document = document;
    this.refs = refs;
  }

  /** The definitions that converted schemas refer to as {@code #/$defs/Name}, by name. */
  Map<String, JsonNode> defs() {
    return defs;
  }

  /** {@code schema} as JSON Schema 2020-12; throws {@link OperationSkipped} when it cannot be. */
  JsonNode convert(JsonNode schema) {
    if (++schemas > MAX_SCHEMAS || depth >= MAX_DEPTH) {
      throw new OperationSkipped(SkipReason.SCHEMA_TOO_LARGE, "more than " + MAX_SCHEMAS
          + " schemas or " + MAX_DEPTH + " levels once references are inlined");
    }
    if (schema.isBoolean()) {
      return schema;
    }
    if (!schema.isObject()) {
      throw new OperationSkipped(SkipReason.INVALID_SCHEMA, "a schema is a " + schema.getNodeType());
    }
    depth++;
    try {
      return Nodes.isRef(schema) ? reference(schema) : keywords(schema);
    } finally {
      depth--;
    }
  }

  private JsonNode keywords(JsonNode schema) {
    ObjectNode out = NODES.objectNode();
    for (Map.Entry<String, JsonNode> entry : schema.properties()) {
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      if (SUBSCHEMA.contains(key)) {
        out.set(key, convert(value));
      } else if (SCHEMA_LIST.contains(key)) {
        ArrayNode list = out.putArray(key);
        shaped(value, value.isArray(), key).forEach(item -> list.add(convert(item)));
      } else if (SCHEMA_MAP.contains(key)) {
        ObjectNode map = out.putObject(key);
        shaped(value, value.isObject(), key).properties().forEach(e -> map.set(e.getKey(), convert(e.getValue())));
      } else if (key.equals("description") && value.isString()) {
        out.put(key, HtmlMarkdown.of(value.stringValue())); // Stripe's descriptions are HTML
      } else if (VALUES.contains(key)) {
        out.set(key, value.deepCopy());
      }
    }
    return OpenApi30Keywords.rewrite(schema, out, document.openApi30());
  }

  private JsonNode reference(JsonNode schema) {
    String ref = schema.get("$ref").stringValue();
    JsonNode target = document.resolve(ref);
    JsonNode resolved = refs.isRecursive(ref)
        ? NODES.objectNode().put("$ref", "#/$defs/" + define(ref, target))
        : convert(target);
    ObjectNode siblings = ((ObjectNode) schema).deepCopy();
    siblings.remove("$ref");
    if (document.openApi30()) {
      // OpenAPI 3.0: siblings of $ref are ignored, but descriptions next to a $ref help the AI
      siblings.retain(OpenApi30Keywords.ANNOTATIONS);
    }
    if (siblings.isEmpty()) {
      return resolved;
    }
    JsonNode extra = keywords(siblings);
    if (resolved.isObject() && extra.isObject() && OpenApi30Keywords.ANNOTATIONS.containsAll(extra.propertyNames())) {
      ((ObjectNode) resolved).setAll((ObjectNode) extra);
      return resolved;
    }
    ObjectNode wrapper = extra.isObject() ? (ObjectNode) extra : NODES.objectNode();
    wrapper.putArray("allOf").add(resolved);
    return wrapper;
  }

  private String define(String ref, JsonNode target) {
    String name = defNames.get(ref);
    if (name == null) {
      name = defName(ref);
      defNames.put(ref, name);
      defs.put(name, NODES.objectNode()); // placeholder: the target refers back to itself
      defs.put(name, convert(target));
    }
    return name;
  }

  /**
   * A component schema keeps its name; any other reference gets its last segment plus a hash of the
   * whole reference, so names never depend on the order in which references are met.
   */
  private static String defName(String ref) {
    String segment = ref.substring(ref.lastIndexOf('/') + 1);
    String name = segment.replaceAll("[^A-Za-z0-9._-]", "_");
    boolean component = ref.equals("#/components/schemas/" + segment) && name.equals(segment) && !name.isEmpty();
    return component ? name : name + "_" + Integer.toHexString(ref.hashCode());
  }

  private static JsonNode shaped(JsonNode value, boolean expected, String keyword) {
    if (!expected) {
      throw new OperationSkipped(SkipReason.INVALID_SCHEMA, "\"" + keyword + "\" has the wrong shape");
    }
    return value;
  }
}
