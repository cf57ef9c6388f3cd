package dev.switchboard.mcp.internal;

import dev.switchboard.tool.Tool;
import dev.switchboard.tool.ToolAnnotations;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The MCP {@code Tool} object of a tool: name, title, description, input schema, and what a remote
 * MCP server's definition held besides (annotations, output schema, icons, execution, {@code _meta}),
 * unchanged; an HTTP operation's annotations come from its method ({@link ToolAnnotations}).
 */
final class ToolDefinitions {
  private ToolDefinitions() {}

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
