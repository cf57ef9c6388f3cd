package dev.switchboard.bundle;

import dev.switchboard.tool.McpToolCall;
import dev.switchboard.tool.Tool;
import java.util.Set;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Stands for a remote MCP tool a bundle names but the user's credential could not list (no
 * credential yet, or the server is unreachable): it is shown as not available, never called.
 */
final class RemotePlaceholder {
  private RemotePlaceholder() {}

  static Tool of(String name, String provider) {
    String local = name.substring(provider.length() + 1);
    return new Tool(name, provider, local, local, "A tool of the MCP server " + provider
        + "; connect it to see this tool.", JsonNodeFactory.instance.objectNode().put("type", "object"),
        Set.of(), new McpToolCall(local));
  }
}
