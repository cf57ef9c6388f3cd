package dev.switchboard.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * CORS for the MCP endpoints (Streamable HTTP, legacy SSE) and their RFC 9728 metadata, so that
 * browser-based MCP clients can reach them. An origin is allowed exactly when {@link McpGate}
 * lets it through (this server's host, {@code localhost}, {@code 127.0.0.1}, {@code [::1]}); it is
 * echoed back, never {@code *}, and no {@code Access-Control-Allow-Credentials} is sent: MCP
 * callers authenticate with a bearer token, never a cookie. A preflight (OPTIONS) answers 204, or
 * 403 without CORS headers for another origin. {@code Origin: null} gets no CORS headers.
 */
final class McpCors {
  private static final List<String> MCP = List.of("/mcp/bundle/{slug}", "/mcp/hub",
      "/mcp/bundle/{slug}/sse", "/mcp/hub/sse", "/mcp/bundle/{slug}/messages", "/mcp/hub/messages");
  private static final List<String> METADATA = List.of("/.well-known/oauth-protected-resource",
      "/.well-known/oauth-protected-resource/mcp/hub", "/.well-known/oauth-protected-resource/mcp/bundle/{slug}");
  // Mcp-Method and Mcp-Name are the 2026-07-28 request headers; without them a browser could not
  // send that revision's requests.
  static final String ALLOW_HEADERS =
      "Authorization, Content-Type, Mcp-Session-Id, MCP-Protocol-Version, Last-Event-ID, Mcp-Method, Mcp-Name";
  static final String EXPOSE_HEADERS = "Mcp-Session-Id, WWW-Authenticate";
  private final McpGate gate;

  McpCors(McpGate gate) {
    this.gate = gate;
  }

  void register(RoutesConfig routes) {
    MCP.forEach(path -> {
      routes.options(path, ctx -> preflight(ctx, "GET, POST, DELETE, OPTIONS"));
      routes.before(path, ctx -> allow(WebCall.of(ctx)));
    });
    METADATA.forEach(path -> {
      routes.options(path, ctx -> preflight(ctx, "GET, OPTIONS"));
      routes.before(path, ctx -> allow(WebCall.of(ctx)));
    });
  }

  /**
   * On every answer (errors too) to an allowed cross-origin request: who may read it, and which
   * headers. {@link McpPostHandler} calls it for the POSTs it serves.
   */
  void allow(WebCall ctx) {
    String origin = crossOrigin(ctx);
    ctx.header("Vary", "Origin");
    if (origin != null) {
      ctx.header("Access-Control-Allow-Origin", origin);
      ctx.header("Access-Control-Expose-Headers", EXPOSE_HEADERS);
    }
  }

  private void preflight(Context ctx, String methods) {
    if (gate.originProblem(WebCall.of(ctx)).isPresent()) {
      ctx.status(403);
      return;
    }
    if (crossOrigin(WebCall.of(ctx)) != null) {
      ctx.header("Access-Control-Allow-Methods", methods);
      ctx.header("Access-Control-Allow-Headers", ALLOW_HEADERS);
      ctx.header("Access-Control-Max-Age", "600");
    }
    ctx.header("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    ctx.status(204);
  }

  /** The request's Origin when it is one McpGate allows, else null. */
  private String crossOrigin(WebCall ctx) {
    String origin = ctx.header("Origin");
    if (origin == null || origin.equals("null") || gate.originProblem(ctx).isPresent()) {
      return null;
    }
    return origin;
  }
}
