package dev.switchboard.upstream.internal;

import dev.switchboard.tool.McpToolCall;
import dev.switchboard.tool.Tool;
import dev.switchboard.tool.ToolNames;
import dev.switchboard.upstream.Redactor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the tool definitions a remote MCP server listed into Switchboard tools: named
 * {@code {provider}_{tool}} by {@link ToolNames#unique} over the upstream names in sorted order (so
 * the names do not depend on the order the server lists them in), title, description and input
 * schema copied with every form of the connection's secrets redacted (a server may quote the
 * Authorization header it received in a description, and the list reaches the AI through
 * {@code tools/list}), no required scopes, a {@link McpToolCall} recipe with the upstream name
 * and its {@code readOnlyHint}, and the definition's annotations, output schema, icons, execution
 * and {@code _meta} kept as they are (redacted too) for {@code tools/list}. Definitions without a name are skipped, and so are those whose name
 * holds a secret; a repeated name keeps its first definition. Stateless.
 */
public final class RemoteTools {
  private RemoteTools() {}

  /** The tools, in the order the server listed them, redacted of the connection's secrets. */
  public static List<Tool> of(String provider, List<JsonNode> definitions, Redactor redactor) {
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    for (JsonNode definition : definitions) {
      JsonNode name = definition.path("name");
      if (name.isString() && !name.asString().isEmpty() && redactor.redact(name.asString()).equals(name.asString())) {
        byName.putIfAbsent(name.asString(), definition);
      }
    }
    List<String> sorted = new ArrayList<>(byName.keySet());
    sorted.sort(null);
    List<String> names = ToolNames.unique(provider, sorted);
    Map<String, String> nameOf = new LinkedHashMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      nameOf.put(sorted.get(i), names.get(i));
    }
    List<Tool> tools = new ArrayList<>(byName.size());
    byName.forEach((upstream, definition) -> {
      String name = nameOf.get(upstream);
      tools.add(new Tool(name, provider, name.substring(provider.length() + 1),
          redactor.redact(title(definition)), redactor.redact(text(definition.path("description"))),
          (ObjectNode) redactor.redact(inputSchema(definition.path("inputSchema"))), Set.of(),
          new McpToolCall(upstream, readOnlyHint(definition)),
          (ObjectNode) redactor.redact(upstreamFields(definition))));
    });
    return tools;
  }

  /**
   * The definition's fields shown to MCP clients as they are ({@link Tool#UPSTREAM_FIELDS}), in the
   * server's order; a field that is JSON null is left out.
   */
  static ObjectNode upstreamFields(JsonNode definition) {
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    definition.properties().forEach(field -> {
      if (Tool.UPSTREAM_FIELDS.contains(field.getKey()) && !field.getValue().isNull()) {
        fields.set(field.getKey(), field.getValue().deepCopy());
      }
    });
    return fields;
  }

  /** The tool's {@code annotations.readOnlyHint}, when it is a boolean. */
  private static Optional<Boolean> readOnlyHint(JsonNode definition) {
    JsonNode hint = definition.path("annotations").path("readOnlyHint");
    return hint.isBoolean() ? Optional.of(hint.booleanValue()) : Optional.empty();
  }

  /** The {@code title}, else the older {@code annotations.title}; null for none. */
  private static String title(JsonNode definition) {
    String title = text(definition.path("title"));
    return title != null ? title : text(definition.path("annotations").path("title"));
  }

  /** An object schema: the server's when it is one, {@code {"type":"object"}} otherwise. */
  static ObjectNode inputSchema(JsonNode schema) {
    if (!schema.isObject() || schema.has("type") && !"object".equals(schema.path("type").asString(""))) {
      return JsonNodeFactory.instance.objectNode().put("type", "object");
    }
    ObjectNode copy = (ObjectNode) schema.deepCopy();
    if (!copy.has("type")) {
      copy.put("type", "object");
    }
    return copy;
  }

  private static String text(JsonNode node) {
    return node.isString() && !node.asString().isBlank() ? node.asString() : null;
  }
}
