package dev.switchboard.mcp;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What the transport sends back: an HTTP status, a JSON body (null for 202 Accepted) and extra
 * headers such as {@code Mcp-Session-Id}. A non-null {@code subscription} asks the transport to keep
 * the response open as an event stream (2026-07-28 {@code subscriptions/listen}); its body is null.
 */
public record McpReply(int status, JsonNode body, Map<String, String> headers, Subscription subscription) {
  public McpReply {
    headers = Map.copyOf(headers);
  }

  public static McpReply json(int status, JsonNode body) {
    return new McpReply(status, body, Map.of(), null);
  }

  public static McpReply accepted() {
    return new McpReply(202, null, Map.of(), null);
  }

  public static McpReply listen(Subscription subscription) {
    return new McpReply(200, null, Map.of(), subscription);
  }

  /** Whether the transport keeps the response open as the subscription's event stream. */
  public boolean listen() {
    return subscription != null;
  }
}
