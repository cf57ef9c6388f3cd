package dev.switchboard.mcp;

import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A checked JSON-RPC 2.0 message: a request (method + id), a notification (method, no id) or a
 * response from the client (result or error). Anything else is -32600.
 */
record Rpc(JsonNode id, String method, JsonNode params, boolean isResponse) {
  static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";

  static Rpc of(JsonNode message) {
    if (!message.isObject()) {
      throw new McpError(McpError.INVALID_REQUEST, "invalid request: a JSON-RPC message must be an object", 400);
    }
    if (!"2.0".equals(message.path("jsonrpc").asString(null))) {
      throw new McpError(McpError.INVALID_REQUEST, "invalid request: \"jsonrpc\" must be \"2.0\"", 400);
    }
    JsonNode id = message.get("id");
    if (id != null && !(id.isString() || id.isIntegralNumber())) {
      throw new McpError(McpError.INVALID_REQUEST, "invalid request: \"id\" must be a string or an integer", 400);
    }
    JsonNode method = message.get("method");
    if (method == null) {
      if (id != null && (message.has("result") || message.has("error"))) {
        return new Rpc(id, "", message, true);
      }
      throw new McpError(McpError.INVALID_REQUEST, "invalid request: \"method\" is missing", 400);
    }
    if (!method.isString()) {
      throw new McpError(McpError.INVALID_REQUEST, "invalid request: \"method\" must be a string", 400);
    }
    JsonNode params = message.get("params");
    if (params != null && !params.isObject()) {
      throw new McpError(McpError.INVALID_PARAMS, "invalid params: \"params\" must be an object", 400);
    }
    boolean notification = id == null;
    if (notification && !method.asString().startsWith("notifications/")) {
      throw new McpError(McpError.INVALID_REQUEST,
          "invalid request: \"id\" is missing (only notifications/* may omit it)", 400);
    }
    return new Rpc(id, method.asString(), params == null ? emptyObject() : params, false);
  }

  boolean isNotification() {
    return id == null && !isResponse;
  }

  /** The 2026-07-28 protocol version in {@code params._meta}, when the request carries one. */
  Optional<String> metaVersion() {
    JsonNode v = params.path("_meta").path(META_VERSION);
    return v.isString() ? Optional.of(v.asString()) : Optional.empty();
  }

  private static JsonNode emptyObject() {
    return JsonNodeFactory.instance.objectNode();
  }
}
