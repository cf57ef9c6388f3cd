package dev.switchboard.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * RFC 9728 protected-resource metadata for the MCP endpoints, at the root and with the endpoint's
 * path appended (RFC 9728 §3.1). Switchboard's MCP endpoints take personal access tokens issued by
 * this server, so the authorization server is Switchboard itself (tokens are made in the dashboard).
 */
final class ProtectedResourceRoutes {
  private static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";
  private final JsonMapper json;
  private final String baseUrl;

  ProtectedResourceRoutes(JsonMapper json, String baseUrl) {
    this.json = json;
    this.baseUrl = baseUrl;
  }

  void register(RoutesConfig routes) {
    routes.get(WELL_KNOWN, ctx -> answer(ctx, "/mcp"));
    routes.get(WELL_KNOWN + "/mcp/hub", ctx -> answer(ctx, "/mcp/hub"));
    routes.get(WELL_KNOWN + "/mcp/bundle/{slug}", ctx -> answer(ctx, "/mcp/bundle/" + ctx.pathParam("slug")));
  }

  private void answer(Context ctx, String path) {
    ObjectNode doc = json.createObjectNode();
    doc.put("resource", baseUrl + path);
    doc.putArray("authorization_servers").add(baseUrl);
    doc.putArray("bearer_methods_supported").add("header");
    doc.put("resource_name", "Switchboard MCP gateway");
    doc.put("resource_documentation", baseUrl + "/tokens");
    ctx.contentType("application/json").result(json.writeValueAsBytes(doc));
  }
}
