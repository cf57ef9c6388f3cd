package dev.switchboard.web;

import dev.switchboard.mcp.McpTarget;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves {@code POST /mcp/hub} and {@code POST /mcp/bundle/{slug}} (every tool call) as a plain
 * Jetty handler ahead of Javalin's servlet, which handles everything else: the servlet layer,
 * Javalin's routing and its before and after handlers cost more of a call than the gateway's own
 * work does (docs/architecture.md, "A tool call skips Javalin"). It does what Javalin's chain does
 * for these routes — the request log line and id ({@link RequestLog}), CORS ({@link McpCors}), the
 * route ({@link McpRoutes#post}), errors as JSON-RPC errors ({@link ErrorHandlers}), gzip for a large
 * answer — on the request's virtual thread. A path whose slug is not a plain one goes on to Javalin,
 * which answers it as before.
 */
final class McpPostHandler extends Handler.Wrapper {
  private static final String HUB = "/mcp/hub";
  private static final String BUNDLE = "/mcp/bundle/";
  private final McpRoutes routes;
  private final McpCors cors;
  private final JsonMapper json;

  McpPostHandler(McpRoutes routes, McpCors cors, JsonMapper json) {
    this.routes = routes;
    this.cors = cors;
    this.json = json;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    McpTarget target = HttpMethod.POST.asString().equals(request.getMethod())
        ? target(request.getHttpURI().getPath()) : null;
    if (target == null) {
      return super.handle(request, response, callback);
    }
    JettyCall call = new JettyCall(request, response);
    long started = RequestLog.begin(call);
    try {
      cors.allow(call);
      routes.post(call, target);
    } catch (Exception e) {
      ErrorHandlers.Refusal refusal = ErrorHandlers.refusal(e, call.method() + " " + call.path());
      if (!call.streaming()) {
        if (refusal.retryAfter() != null) {
          call.header("Retry-After", refusal.retryAfter());
        }
        ErrorHandlers.answerRpc(call, json, refusal.status(), refusal.body());
      }
    } finally {
      RequestLog.end(call, started);
    }
    call.finish(callback);
    return true;
  }

  /** The endpoint {@code path} names (Javalin's matching: a trailing slash allowed); null for another path. */
  static McpTarget target(String path) {
    if (path == null) {
      return null;
    }
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (p.equals(HUB)) {
      return new McpTarget.Hub();
    }
    if (!p.startsWith(BUNDLE) || p.length() == BUNDLE.length()) {
      return null;
    }
    for (int i = BUNDLE.length(); i < p.length(); i++) {
      char c = p.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
        return null; // another character, an escape or a further segment: Javalin's to answer
      }
    }
    return new McpTarget.Bundle(p.substring(BUNDLE.length()));
  }
}
