package dev.switchboard.mcp.internal;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What one MCP endpoint shows one user: the tool definitions of {@code tools/list} and how to call them. */
public interface ToolSurface {
  /**
   * The definitions {@code tools/list} shows, in order; a written one ({@link WrittenDefinitions}) is
   * raw JSON, to be written out, not read.
   */
  List<JsonNode> tools();

  /**
   * Calls {@code name}; the call must be over by {@code deadline} (shared by a whole request), unless
   * a remote MCP server's progress extends it. {@code progress} receives the {@code params} of the
   * server's progress notifications (its own token in them, for the receiver to replace).
   */
  ObjectNode call(String name, JsonNode arguments, Instant deadline, Consumer<JsonNode> progress);
}
