package dev.switchboard.mcp;

import dev.switchboard.mcp.internal.Cursors;
import dev.switchboard.mcp.internal.ToolSurface;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code tools/list} pages: {@value #PAGE} tools each, with an opaque {@code nextCursor}. */
final class ToolLists {
  static final int PAGE = 50;
  private final JsonMapper json;

  ToolLists(JsonMapper json) {
    this.json = json;
  }

  ObjectNode page(ToolSurface surface, JsonNode cursor) {
    int offset = cursor == null || cursor.isMissingNode() || cursor.isNull() ? 0 : decode(cursor);
    List<ObjectNode> tools = surface.tools();
    ObjectNode result = json.createObjectNode();
    var array = result.putArray("tools");
    tools.stream().skip(offset).limit(PAGE).forEach(array::add);
    if (offset + PAGE < tools.size()) {
      result.put("nextCursor", Cursors.encode(offset + PAGE));
    }
    return result;
  }

  private static int decode(JsonNode cursor) {
    if (!cursor.isString()) {
      throw McpError.invalidParams("invalid cursor: it must be the string nextCursor of a previous tools/list");
    }
    return Cursors.decode(cursor.asString());
  }
}
