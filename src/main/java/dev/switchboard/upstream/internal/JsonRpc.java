package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.RemoteMcpException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON-RPC 2.0 messages of the MCP client: what it sends, and the result or error of an answer. */
public final class JsonRpc {
  /** JSON-RPC "method not found", the answer to server requests this client does not serve. */
  static final int METHOD_NOT_FOUND = -32601;

  private final JsonMapper json;

  public JsonRpc(JsonMapper json) {
    this.json = json;
  }

  public JsonMapper json() {
    return json;
  }

  public ObjectNode object() {
    return json.createObjectNode();
  }

  byte[] request(long id, String method, JsonNode params) {
    ObjectNode message = envelope();
    message.put("id", id);
    message.put("method", method);
    message.set("params", params);
    return json.writeValueAsBytes(message);
  }

  byte[] notification(String method) {
    ObjectNode message = envelope();
    message.put("method", method);
    return json.writeValueAsBytes(message);
  }

  /** {@code notifications/cancelled} for request {@code id} (MCP 2025-11-25, "Cancellation"). */
  byte[] cancelled(long id, String reason) {
    ObjectNode message = envelope();
    message.put("method", "notifications/cancelled");
    message.putObject("params").put("requestId", id).put("reason", reason);
    return json.writeValueAsBytes(message);
  }

  /** The answer to a request the server sent: an empty result for {@code ping}, else "method not found". */
  byte[] answerTo(JsonNode serverRequest) {
    ObjectNode message = envelope();
    message.set("id", serverRequest.get("id"));
    String method = serverRequest.path("method").asString("");
    if (method.equals("ping")) {
      message.set("result", object());
    } else {
      ObjectNode error = message.putObject("error");
      error.put("code", METHOD_NOT_FOUND);
      error.put("message", "Switchboard's MCP client does not serve " + method);
    }
    return json.writeValueAsBytes(message);
  }

  /**
   * The {@code result} of an answer to {@code method}.
   *
   * @throws RemoteMcpException with {@link Outcome#UPSTREAM_REJECTED_REQUEST} for a JSON-RPC error,
   *     or a protocol error when the answer has no object result
   */
  static JsonNode result(String method, JsonNode answer) {
    JsonNode error = answer.get("error");
    if (error != null && !error.isNull()) {
      String message = error.path("message").asString("").strip();
      JsonNode number = error.path("code");
      String code = number.isIntegralNumber() ? " (JSON-RPC error " + number.asLong() + ")" : "";
      return fail(new RemoteMcpException(Outcome.UPSTREAM_REJECTED_REQUEST, "the MCP server refused "
          + method + (message.isEmpty() ? "" : ": " + Texts.oneLine(message)) + code, null));
    }
    JsonNode result = answer.get("result");
    if (result == null || !result.isObject()) {
      return fail(RemoteMcpException.protocol("the MCP server answered " + method + " without a result"));
    }
    return result;
  }

  private static JsonNode fail(RemoteMcpException e) {
    throw e;
  }

  private ObjectNode envelope() {
    ObjectNode message = json.createObjectNode();
    message.put("jsonrpc", "2.0");
    return message;
  }
}
