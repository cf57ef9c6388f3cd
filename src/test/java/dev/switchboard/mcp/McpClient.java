package dev.switchboard.mcp;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.TestServer;
import java.net.http.HttpRequest;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** A raw JSON-RPC client of one MCP endpoint, for protocol-level tests. */
final class McpClient {
  final Api api;
  final String path;
  String session;
  String version = ProtocolVersions.V2025_11_25;
  private int next = 1;

  McpClient(TestServer server, String token, String path) {
    this.api = new Api(server, token);
    this.path = path;
  }

  Api.Answer initialize() {
    Api.Answer a = request("initialize", Map.of("protocolVersion", version, "capabilities", Map.of(),
        "clientInfo", Map.of("name", "test", "version", "1")));
    session = a.raw().headers().firstValue("Mcp-Session-Id").orElse(null);
    raw("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    return a;
  }

  Api.Answer request(String method, Object params) {
    ObjectNode body = Api.JSON.createObjectNode().put("jsonrpc", "2.0").put("id", next++).put("method", method);
    body.set("params", Api.JSON.valueToTree(params));
    return raw(Api.JSON.writeValueAsString(body));
  }

  Api.Answer raw(String body) {
    return api.send(builder().POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpRequest.Builder builder() {
    HttpRequest.Builder b = api.builder(path)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream");
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    if (version != null) {
      b.header("MCP-Protocol-Version", version);
    }
    return b;
  }
}
