package dev.switchboard.mcp;

import dev.switchboard.account.Principal;
import java.time.Instant;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP POST to an MCP endpoint, as the transport hands it over: who is calling, which endpoint,
 * the body, and the MCP headers (null when absent).
 *
 * @param deadline when every tool call of this request must be over, one for a whole JSON-RPC
 *     batch; null: {@link McpServer} sets the call timeout from when it starts handling the request
 * @param toCaller where messages for the caller go while the request runs (progress
 *     notifications, relayed requests when the session has no GET stream): the POST's event-stream
 *     answer, or the legacy transport's stream; {@link #NOBODY} when the answer cannot be a stream;
 *     called on any thread, must not block for long
 */
public record McpExchange(
    Principal principal,
    McpTarget target,
    byte[] body,
    String protocolVersionHeader,
    String sessionId,
    String methodHeader,
    String nameHeader,
    Instant deadline,
    Consumer<JsonNode> toCaller) {

  /** Messages nobody receives. */
  public static final Consumer<JsonNode> NOBODY = message -> { };

  public McpExchange {
    toCaller = toCaller == null ? NOBODY : toCaller;
  }

  /** An exchange whose deadline {@link McpServer} sets and whose caller gets no notifications. */
  public McpExchange(Principal principal, McpTarget target, byte[] body, String protocolVersionHeader,
      String sessionId, String methodHeader, String nameHeader) {
    this(principal, target, body, protocolVersionHeader, sessionId, methodHeader, nameHeader, null, NOBODY);
  }

  /** An exchange whose deadline {@link McpServer} sets, with notifications for the caller. */
  public McpExchange(Principal principal, McpTarget target, byte[] body, String protocolVersionHeader,
      String sessionId, String methodHeader, String nameHeader, Consumer<JsonNode> toCaller) {
    this(principal, target, body, protocolVersionHeader, sessionId, methodHeader, nameHeader, null, toCaller);
  }

  /** The same exchange with {@code newDeadline}. */
  public McpExchange withDeadline(Instant newDeadline) {
    return new McpExchange(principal, target, body, protocolVersionHeader, sessionId, methodHeader,
        nameHeader, newDeadline, toCaller);
  }
}
