package dev.switchboard.testing;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Calls tools of one MCP endpoint with stateless-compatible single requests (2025-11-25 session). */
public final class McpCall {
  private final Api api;
  private final String path;
  private String session;
  private int id = 1;

  public McpCall(TestServer server, String token, String path) {
    this.api = new Api(server, token);
    this.path = path;
    Api.Answer init = post(Map.of("jsonrpc", "2.0", "id", id++, "method", "initialize", "params",
        Map.of("protocolVersion", "2025-11-25", "capabilities", Map.of(),
            "clientInfo", Map.of("name", "test", "version", "1"))));
    this.session = init.raw().headers().firstValue("Mcp-Session-Id").orElse(null);
  }

  /** The {@code result} of a tools/call. */
  public JsonNode call(String tool, Map<String, Object> arguments) {
    return message(tool, arguments).path("result");
  }

  /** The whole JSON-RPC answer to a tools/call ({@code result} or {@code error}). */
  public JsonNode message(String tool, Map<String, Object> arguments) {
    return post(Map.of("jsonrpc", "2.0", "id", id++, "method", "tools/call",
        "params", Map.of("name", tool, "arguments", arguments))).json();
  }

  /** The tool names of tools/list. */
  public List<String> toolNames() {
    List<String> names = new ArrayList<>();
    post(Map.of("jsonrpc", "2.0", "id", id++, "method", "tools/list", "params", Map.of()))
        .json().path("result").path("tools").forEach(t -> names.add(t.path("name").asString()));
    return names;
  }

  private Api.Answer post(Map<String, Object> body) {
    HttpRequest.Builder b = api.builder(path).header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .header("MCP-Protocol-Version", "2025-11-25");
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    return api.send(b.POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body))));
  }
}
