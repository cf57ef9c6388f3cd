package dev.switchboard.tool;

import java.util.Optional;

/**
 * Forward the call to a tool of a remote MCP server, by its name there.
 *
 * @param readOnlyHint the server's {@code annotations.readOnlyHint} for the tool (MCP 2025-03-26 and
 *     later), empty when it gave none
 */
public record McpToolCall(String upstreamName, Optional<Boolean> readOnlyHint) implements ToolRecipe {
  /** A tool whose server said nothing about whether it is read-only. */
  public McpToolCall(String upstreamName) {
    this(upstreamName, Optional.empty());
  }
}
