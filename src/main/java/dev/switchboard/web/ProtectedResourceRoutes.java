package dev.switchboard.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * RFC 9728 protected-resource metadata for the MCP endpoints, with the endpoint's path appended
 * (RFC 9728 §3.1), and at the root for the server as a whole. The {@code resource} is the URL the
 * client used — base URL or a loopback alias (§3.3: clients refuse a document whose resource
 * differs) — and the authorization server is Switchboard itself at the same origin
 * (docs/authorization-server.md).
 */
final class ProtectedResourceRoutes {
  static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";
  private final JsonMapper json;
  private final McpGate gate;

  ProtectedResourceRoutes(JsonMapper json, McpGate gate) {
    this.json = json;
    this.gate = gate;
  }

  void register(RoutesConfig routes) {
    routes.get(WELL_KNOWN, ctx -> answer(ctx, ""));
    routes.get(WELL_KNOWN + "/mcp/hub", ctx -> answer(ctx, "/mcp/hub"));
    routes.get(WELL_KNOWN + "/mcp/bundle/{slug}", ctx -> answer(ctx, "/mcp/bundle/" + ctx.pathParam("slug")));
  }

  private void answer(Context ctx, String path) {
    String origin = gate.origin(ctx.header("Host"));
    ObjectNode doc = json.createObjectNode();
    doc.put("resource", origin + path);
    doc.putArray("authorization_servers").add(origin);
    doc.putArray("bearer_methods_supported").add("header");
    doc.put("resource_name", "Switchboard MCP gateway");
    doc.put("resource_documentation", origin + "/tokens");
    ctx.contentType("application/json").result(json.writeValueAsBytes(doc));
  }
}
