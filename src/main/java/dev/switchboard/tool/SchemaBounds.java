package dev.switchboard.tool;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The input schema a tool advertises in {@code tools/list}: its own when its JSON is at most
 * {@link #limitBytes()} bytes, else a simplified copy (docs/openapi-import.md, "Bounded input schemas")
 * made in steps, each only while the copy is still too large: examples dropped, descriptions cut to
 * 200 then 80 characters, long {@code enum}s dropped (their size said in the description), then
 * nested structures collapsed from deep to shallow into {@code {"type": "object"}} (or {@code {}})
 * with a description pointing to {@code describe_tool}, and definitions no longer referred to
 * dropped. Top-level argument names, their types and {@code required} are always kept. The
 * simplified schema only ever allows more than the full one, so a client checking arguments against
 * it never refuses a valid call; Switchboard validates arguments against the full schema. Results are
 * kept per schema instance (at most {@value #MAX_KEPT}, then forgotten all at once). Thread-safe.
 */
public final class SchemaBounds {
  /** The default limit: 16 KiB of JSON per input schema. */
  public static final int DEFAULT_LIMIT_BYTES = 16 * 1024;
  /** What a simplified tool's description ends with. */
  public static final String NOTE = "(Input schema simplified; describe_tool gives the full one.)";

  static final int MAX_KEPT = 20_000;
  private static final int LONG_ENUM = 20;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern DEF_REF = Pattern.compile("\"#/\\$defs/([^\"]+)\"");
  private static final Set<String> NESTING = Set.of("properties", "items", "additionalProperties", "allOf",
      "anyOf", "oneOf", "prefixItems", "patternProperties", "not", "if", "then", "else", "contains",
      "dependentSchemas", "unevaluatedItems", "unevaluatedProperties", "propertyNames", "$ref", "$defs");

  private final int limitBytes;
  private final Map<JsonNode, JsonNode> kept = Collections.synchronizedMap(new IdentityHashMap<>());

  /**
   * @param limitBytes the most bytes of JSON an advertised input schema should have (at least 1,024);
   *     a schema whose top level alone is larger is advertised as small as the steps make it
   */
  public SchemaBounds(int limitBytes) {
    if (limitBytes < 1024) {
      throw new IllegalArgumentException("SWITCHBOARD_TOOL_SCHEMA_LIMIT must be at least 1024 bytes");
    }
    this.limitBytes = limitBytes;
  }

  public int limitBytes() {
    return limitBytes;
  }

  /** The schema {@code tool} advertises: its input schema, or a simplified copy when that is too large. */
  public JsonNode advertised(Tool tool) {
    JsonNode full = tool.inputSchema();
    JsonNode known = kept.get(full);
    if (known == null) {
      known = bounded(full);
      if (kept.size() >= MAX_KEPT) {
        kept.clear();
      }
      kept.put(full, known);
    }
    return known;
  }

  /** Whether {@code tool} advertises a simplified input schema. */
  public boolean simplified(Tool tool) {
    return advertised(tool) != tool.inputSchema();
  }

  /** {@code schema} itself when small enough, else a simplified copy (never the same instance). */
  public JsonNode bounded(JsonNode schema) {
    if (size(schema) <= limitBytes || !schema.isObject()) {
      return schema;
    }
    ObjectNode copy = (ObjectNode) schema.deepCopy();
    if (shrink(copy, s -> strip(s, "examples"))
        || shrink(copy, s -> cutDescriptions(s, 200))
        || shrink(copy, SchemaBounds::dropLongEnums)
        || shrink(copy, s -> cutDescriptions(s, 80))) {
      return copy;
    }
    for (int depth = 6; depth >= 0; depth--) {
      int d = depth;
      if (shrink(copy, s -> collapseBelow(s, d))) {
        return copy;
      }
    }
    return copy;
  }

  private interface Step {
    void apply(ObjectNode schema);
  }

  /** Applies {@code step} and drops unreferenced definitions; true when the schema now fits. */
  private boolean shrink(ObjectNode schema, Step step) {
    step.apply(schema);
    dropUnusedDefs(schema);
    return size(schema) <= limitBytes;
  }

  private static void strip(JsonNode node, String keyword) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      if (object.path(keyword).isArray()) {
        object.remove(keyword);
      }
    }
    children(node).forEach(child -> strip(child, keyword));
  }

  private static void cutDescriptions(JsonNode node, int max) {
    if (node.isObject() && node.path("description").isString()) {
      String d = node.get("description").stringValue();
      if (d.length() > max) {
        ((ObjectNode) node).put("description", d.substring(0, max - 1).stripTrailing() + "…");
      }
    }
    children(node).forEach(child -> cutDescriptions(child, max));
  }

  private static void dropLongEnums(JsonNode node) {
    if (node.isObject() && node.path("enum").isArray() && node.get("enum").size() > LONG_ENUM) {
      ObjectNode object = (ObjectNode) node;
      int values = object.get("enum").size();
      object.remove("enum");
      object.put("description", (object.path("description").asString("") + " (one of " + values
          + " values: describe_tool lists them)").strip());
    }
    children(node).forEach(SchemaBounds::dropLongEnums);
  }

  /** Collapses every schema nested more than {@code depth} levels below the top-level arguments. */
  private static void collapseBelow(ObjectNode schema, int depth) {
    JsonNode properties = schema.path("properties");
    if (properties.isObject()) {
      properties.properties().forEach(p -> collapse(p.getValue(), depth));
    }
  }

  private static void collapse(JsonNode node, int depth) {
    if (!node.isObject()) {
      return;
    }
    ObjectNode object = (ObjectNode) node;
    if (depth <= 0) {
      if (object.propertyNames().stream().anyMatch(NESTING::contains)) {
        JsonNode type = object.get("type");
        String description = object.path("description").asString("");
        object.removeAll();
        if (type != null) {
          object.set("type", type);
        }
        object.put("description", (description + " (structure: describe_tool gives it)").strip());
      }
      return;
    }
    for (String keyword : List.copyOf(object.propertyNames())) {
      JsonNode value = object.get(keyword);
      if (keyword.equals("properties") || keyword.equals("patternProperties") || keyword.equals("dependentSchemas")) {
        value.properties().forEach(p -> collapse(p.getValue(), depth - 1));
      } else if (value.isArray() && NESTING.contains(keyword)) {
        value.forEach(item -> collapse(item, depth - 1));
      } else if (value.isObject() && NESTING.contains(keyword) && !keyword.equals("$defs")) {
        collapse(value, depth - 1);
      }
    }
  }

  private static void dropUnusedDefs(ObjectNode schema) {
    if (!schema.path("$defs").isObject()) {
      return;
    }
    ObjectNode defs = (ObjectNode) schema.get("$defs");
    ObjectNode withoutDefs = schema.deepCopy();
    withoutDefs.remove("$defs");
    Set<String> used = new HashSet<>();
    List<String> pending = new ArrayList<>(refs(withoutDefs));
    while (!pending.isEmpty()) {
      String name = pending.remove(pending.size() - 1);
      if (used.add(name) && defs.has(name)) {
        pending.addAll(refs(defs.get(name)));
      }
    }
    defs.retain(used);
    if (defs.isEmpty()) {
      schema.remove("$defs");
    }
  }

  private static Set<String> refs(JsonNode node) {
    Set<String> names = new HashSet<>();
    Matcher m = DEF_REF.matcher(JSON.writeValueAsString(node));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private static List<JsonNode> children(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node.isObject()) {
      node.properties().forEach(e -> {
        if ((e.getValue().isObject() || e.getValue().isArray()) && !e.getKey().equals("enum") && !e.getKey().equals("const")
            && !e.getKey().equals("default") && !e.getKey().equals("examples")) {
          out.add(e.getValue());
        }
      });
    } else if (node.isArray()) {
      node.forEach(out::add);
    }
    return out;
  }

  /** The bytes of {@code schema} as UTF-8 JSON. */
  public static int size(JsonNode schema) {
    return JSON.writeValueAsString(schema).getBytes(StandardCharsets.UTF_8).length;
  }
}
