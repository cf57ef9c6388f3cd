package dev.switchboard.mcp;

import dev.switchboard.account.Principal;
import java.time.Instant;

/**
 * One HTTP POST to an MCP endpoint, as the transport hands it over: who is calling, which endpoint,
 * the body, and the MCP headers (null when absent).
 *
 * @param deadline when every tool call of this request must be over, one for a whole JSON-RPC
 *     batch; null: {@link McpServer} sets the call timeout from when it starts handling the request
 */
public record McpExchange(
    Principal principal,
    McpTarget target,
    byte[] body,
    String protocolVersionHeader,
    String sessionId,
    String methodHeader,
    String nameHeader,
    Instant deadline) {

  /** An exchange whose deadline {@link McpServer} sets. */
  public McpExchange(Principal principal, McpTarget target, byte[] body, String protocolVersionHeader,
      String sessionId, String methodHeader, String nameHeader) {
    this(principal, target, body, protocolVersionHeader, sessionId, methodHeader, nameHeader, null);
  }

  /** The same exchange with {@code newDeadline}. */
  public McpExchange withDeadline(Instant newDeadline) {
    return new McpExchange(principal, target, body, protocolVersionHeader, sessionId, methodHeader,
        nameHeader, newDeadline);
  }
}
