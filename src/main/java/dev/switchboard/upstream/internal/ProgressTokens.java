package dev.switchboard.upstream.internal;

import tools.jackson.databind.node.ObjectNode;

/** Asks for progress in a request's params: {@code _meta.progressToken} (MCP 2025-11-25, "Progress"). */
final class ProgressTokens {
  private ProgressTokens() {}

  /** A copy of {@code params} whose {@code _meta.progressToken} is {@code token}. */
  static ObjectNode ask(ObjectNode params, String token) {
    ObjectNode copy = params.deepCopy();
    ObjectNode meta = copy.path("_meta").isObject() ? (ObjectNode) copy.get("_meta") : copy.putObject("_meta");
    meta.put("progressToken", token);
    return copy;
  }
}
