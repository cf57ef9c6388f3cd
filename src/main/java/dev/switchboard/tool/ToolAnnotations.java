package dev.switchboard.tool;

import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The MCP tool annotations (2025-03-26 and later) of an imported HTTP operation, from its method
 * (RFC 9110 §9.2: safe and idempotent methods). The table, and why, is in docs/openapi-import.md:
 *
 * <pre>
 * GET HEAD OPTIONS TRACE  readOnlyHint true
 * PUT                     readOnlyHint false, destructiveHint true,  idempotentHint true
 * DELETE                  readOnlyHint false, destructiveHint true,  idempotentHint true
 * PATCH                   readOnlyHint false, destructiveHint true,  idempotentHint false
 * POST                    readOnlyHint false, destructiveHint true,  idempotentHint false
 * every method            openWorldHint true
 * </pre>
 *
 * <p>Hints, not guarantees (MCP says clients must not trust them from untrusted servers); a remote MCP
 * server's own annotations are shown unchanged instead. Stateless.
 */
public final class ToolAnnotations {
  private ToolAnnotations() {}

  /** The annotations of {@code tool} when Switchboard derives them (HTTP operations); empty otherwise. */
  public static Optional<ObjectNode> of(Tool tool) {
    if (!(tool.recipe() instanceof HttpOperation op)) {
      return Optional.empty();
    }
    return Optional.of(forMethod(op.method()));
  }

  /** The annotations of an operation with HTTP {@code method} (upper case). */
  public static ObjectNode forMethod(String method) {
    ObjectNode a = JsonNodeFactory.instance.objectNode();
    switch (method) {
      case "GET", "HEAD", "OPTIONS", "TRACE" -> a.put("readOnlyHint", true);
      case "PUT", "DELETE" -> a.put("readOnlyHint", false).put("destructiveHint", true).put("idempotentHint", true);
      default -> a.put("readOnlyHint", false).put("destructiveHint", true).put("idempotentHint", false);
    }
    return a.put("openWorldHint", true);
  }
}
