package dev.switchboard.mcp.internal;

import dev.switchboard.tool.SchemaBounds;
import dev.switchboard.tool.Tool;
import dev.switchboard.tool.ToolAnnotations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The MCP {@code Tool} object of a tool: name, title, description, input schema, and what a remote
 * MCP server's definition held besides (annotations, output schema, icons, execution, {@code _meta}),
 * unchanged; an HTTP operation's annotations come from its method ({@link ToolAnnotations}).
 */
final class ToolDefinitions {
  private ToolDefinitions() {}

  /**
   * The definition {@code tools/list} shows: the input schema bounded by {@code bounds}; a tool whose
   * schema was simplified says so at the end of its description ({@link SchemaBounds#NOTE}).
   */
  static ObjectNode advertised(JsonMapper json, Tool tool, SchemaBounds bounds) {
    ObjectNode def = of(json, tool);
    JsonNode schema = bounds.advertised(tool);
    if (schema != tool.inputSchema()) {
      def.set("inputSchema", schema);
      def.put("description", (tool.description() + "\n\n" + SchemaBounds.NOTE).strip());
    }
    return def;
  }

  /** The whole definition, with the full input schema (what {@code describe_tool} shows). */
  static ObjectNode of(JsonMapper json, Tool tool) {
    ObjectNode def = json.createObjectNode();
    def.put("name", tool.name());
    def.put("title", tool.title());
    def.put("description", tool.description());
    def.set("inputSchema", tool.inputSchema());
    ToolAnnotations.of(tool).ifPresent(a -> def.set("annotations", a));
    // a remote MCP server's own fields (its annotations included) win over derived ones
    tool.upstreamFields().properties().forEach(field -> def.set(field.getKey(), field.getValue()));
    return def;
  }

  static ObjectNode meta(JsonMapper json, String name, String title, String description, ObjectNode schema) {
    ObjectNode def = json.createObjectNode();
    def.put("name", name);
    def.put("title", title);
    def.put("description", description);
    def.set("inputSchema", schema);
    return def;
  }
}
