package dev.switchboard.mcp;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What the transport sends back: an HTTP status, a JSON body (null for 202 Accepted) and extra
 * headers such as {@code Mcp-Session-Id}. {@code listen} asks the transport to keep the response
 * open as an event stream (2026-07-28 {@code subscriptions/listen}).
 */
public record McpReply(int status, JsonNode body, Map<String, String> headers, boolean listen) {
  public McpReply {
    headers = Map.copyOf(headers);
  }

  public static McpReply json(int status, JsonNode body) {
    return new McpReply(status, body, Map.of(), false);
  }

  public static McpReply accepted() {
    return new McpReply(202, null, Map.of(), false);
  }
}
