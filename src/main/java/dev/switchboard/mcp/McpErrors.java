package dev.switchboard.mcp;

import dev.switchboard.error.SwitchboardException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates a {@link SwitchboardException} that reaches the MCP surface into a JSON-RPC error
 * (JSON-RPC 2.0 §5.1): what the caller can fix is -32602, what Switchboard or the provider cannot
 * do right now (a vault key missing, a database down) is -32603; the message is kept (it never holds
 * a secret) and the stable code travels as {@code error.data.code}. A bug's message is replaced by a
 * generic one. Stateless.
 */
final class McpErrors {
  private McpErrors() {}

  static McpError of(SwitchboardException e, JsonMapper json) {
    ObjectNode data = json.createObjectNode().put("code", e.code());
    return switch (e.kind()) {
      case INVALID_REQUEST, NOT_FOUND, CONFLICT, FORBIDDEN, UNAUTHORIZED, PAYLOAD_TOO_LARGE ->
          new McpError(McpError.INVALID_PARAMS, e.getMessage(), data, 200);
      case TOO_MANY_REQUESTS, CREDENTIAL_REJECTED, UPSTREAM_UNAVAILABLE, UNAVAILABLE ->
          new McpError(McpError.INTERNAL_ERROR, e.getMessage(), data, 200);
      case INTERNAL -> new McpError(McpError.INTERNAL_ERROR,
          "internal error on our side; the request id is in the X-Request-Id header", data, 500);
    };
  }
}
