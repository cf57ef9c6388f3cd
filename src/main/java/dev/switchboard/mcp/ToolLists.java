package dev.switchboard.mcp;

import dev.switchboard.mcp.internal.Cursors;
import dev.switchboard.mcp.internal.ToolSurface;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code tools/list} pages: {@value #PAGE} tools each, with an opaque {@code nextCursor} that is
 * signed and bound to the caller's list of this endpoint ({@link Cursors}).
 */
final class ToolLists {
  static final int PAGE = 50;
  private final JsonMapper json;
  private final Cursors cursors;

  ToolLists(JsonMapper json, Cursors cursors) {
    this.json = json;
    this.cursors = cursors;
  }

  ObjectNode page(McpExchange exchange, ToolSurface surface, JsonNode cursor) {
    String list = "tools/list\n" + exchange.target().key() + "\n" + exchange.principal().userId();
    int offset = cursor == null || cursor.isMissingNode() || cursor.isNull() ? 0 : decode(list, cursor);
    List<JsonNode> tools = surface.tools();
    ObjectNode result = json.createObjectNode();
    var array = result.putArray("tools");
    tools.stream().skip(offset).limit(PAGE).forEach(array::add);
    if (offset + PAGE < tools.size()) {
      result.put("nextCursor", cursors.encode(list, offset + PAGE));
    }
    return result;
  }

  private int decode(String list, JsonNode cursor) {
    if (!cursor.isString()) {
      throw McpError.invalidParams("invalid cursor: it must be the string nextCursor of a previous tools/list");
    }
    return cursors.decode(list, cursor.asString());
  }
}
