package dev.switchboard.upstream;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Where the notifications a remote MCP server sends on its own (log messages, resource updates,
 * changed resource and prompt lists) go, with the cache key of the connection that received them
 * ({@link RemoteMcp#cacheKey}). Called on a client thread: must not block.
 */
public interface UpstreamNotices {
  /** The notifications relayed: everything else a server sends is ignored. */
  Set<String> RELAYED = Set.of("notifications/message", "notifications/resources/updated",
      "notifications/resources/list_changed", "notifications/prompts/list_changed");

  void received(String cacheKey, JsonNode notification);

  /** Drops every notification. */
  static UpstreamNotices ignore() {
    return (key, notification) -> { };
  }
}
