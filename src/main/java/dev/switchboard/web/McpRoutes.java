package dev.switchboard.web;

import dev.switchboard.account.Principal;
import dev.switchboard.mcp.ListChangedBroker;
import dev.switchboard.mcp.McpExchange;
import dev.switchboard.mcp.McpReply;
import dev.switchboard.mcp.McpServer;
import dev.switchboard.mcp.McpTarget;
import dev.switchboard.mcp.ProtocolVersions;
import dev.switchboard.mcp.Subscription;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Streamable HTTP transport of {@code /mcp/bundle/{slug}} and {@code /mcp/hub}: POST carries
 * JSON-RPC, GET opens the notification stream of a session, DELETE ends a session. The protocol
 * itself is {@link McpServer}'s.
 */
final class McpRoutes {
  private final McpServer server;
  private final ListChangedBroker broker;
  private final McpGate gate;
  private final JsonMapper json;
  private final long maxBodyBytes;
  private final StreamSlots streams;
  private final Map<String, EventStream> sessionStreams = new ConcurrentHashMap<>();

  McpRoutes(McpServer server, ListChangedBroker broker, McpGate gate, JsonMapper json, long maxBodyBytes,
      StreamSlots streams) {
    this.server = server;
    this.broker = broker;
    this.gate = gate;
    this.json = json;
    this.maxBodyBytes = maxBodyBytes;
    this.streams = streams;
  }

  void register(RoutesConfig routes) {
    // McpPostHandler serves these ahead of Javalin; a path it leaves (an unusual slug) comes here
    routes.post("/mcp/bundle/{slug}", ctx -> post(WebCall.of(ctx), new McpTarget.Bundle(ctx.pathParam("slug"))));
    routes.post("/mcp/hub", ctx -> post(WebCall.of(ctx), new McpTarget.Hub()));
    routes.get("/mcp/bundle/{slug}", ctx -> stream(ctx, new McpTarget.Bundle(ctx.pathParam("slug"))));
    routes.get("/mcp/hub", ctx -> stream(ctx, new McpTarget.Hub()));
    routes.delete("/mcp/bundle/{slug}", ctx -> delete(ctx, new McpTarget.Bundle(ctx.pathParam("slug"))));
    routes.delete("/mcp/hub", ctx -> delete(ctx, new McpTarget.Hub()));
  }

  /** A POST of JSON-RPC: the answer, a stream of events ending with it, or a subscription's stream. */
  void post(WebCall ctx, McpTarget target) {
    Optional<Principal> caller = admit(ctx);
    if (caller.isEmpty()) {
      return;
    }
    byte[] body = BoundedBody.read(ctx, maxBodyBytes);
    if (body == null) {
      rpcError(ctx, 413, -32600, "the body is larger than " + maxBodyBytes + " bytes");
      return;
    }
    ctx.header("X-Content-Type-Options", "nosniff");
    PostStream answer = new PostStream(ctx, json);
    McpReply reply = server.post(new McpExchange(caller.get(), target, body, ctx.header("MCP-Protocol-Version"),
        ctx.header("Mcp-Session-Id"), ctx.header("Mcp-Method"), ctx.header("Mcp-Name"),
        answer.allowed() ? answer : McpExchange.NOBODY));
    if (answer.settle()) {
      answer.end(reply.body());
      return;
    }
    reply.headers().forEach(ctx::header);
    if (reply.listen()) {
      listen(ctx, caller.get(), reply.subscription());
      return;
    }
    if (reply.body() != null) {
      ctx.answer(reply.status(), "application/json", json.writeValueAsBytes(reply.body()));
    } else {
      ctx.status(reply.status());
    }
  }

  /** The 2026-07-28 {@code subscriptions/listen} stream: acknowledged first, then list changes. */
  private void listen(WebCall ctx, Principal caller, Subscription subscription) {
    EventStream stream = new EventStream(json);
    String first = event(subscription.acknowledgement());
    if (!subscription.delivers()) {
      stream.close();
      stream.run(ctx, first + event(subscription.closing()));
      return;
    }
    String user = caller.userId();
    if (!streams.take(user)) {
      tooManyStreams(ctx);
      return;
    }
    ListChangedBroker.Sink sink = subscription.sink(stream);
    broker.open(user, sink);
    try {
      stream.run(ctx, first);
    } finally {
      broker.close(user, sink);
      streams.give(user);
    }
  }

  private String event(JsonNode message) {
    return "event: message\ndata: " + json.writeValueAsString(message) + "\n\n";
  }

  private void stream(Context javalin, McpTarget target) {
    WebCall ctx = WebCall.of(javalin);
    Optional<Principal> caller = admit(ctx);
    if (caller.isEmpty()) {
      return;
    }
    // MCP 2025-06-18 transport, "Protocol Version Header": without the header the server assumes
    // 2025-03-26, whose clients never send it; an unsupported one is a 400.
    String version = ctx.header("MCP-Protocol-Version");
    if (version != null && !ProtocolVersions.supported(version)) {
      rpcError(ctx, 400, -32600, "unsupported MCP-Protocol-Version '" + version + "'");
      return;
    }
    if (version != null && ProtocolVersions.STATELESS.contains(version)) {
      rpcError(ctx, 405, -32600, "2026-07-28 has no GET stream; POST subscriptions/listen instead");
      return;
    }
    McpExchange exchange = exchange(ctx, caller.get(), target);
    int status = server.streamStatus(exchange);
    if (status != 200) {
      rpcError(ctx, status == 404 ? 404 : 400, -32600, status == 404
          ? "unknown or ended session; initialize again" : "send the Mcp-Session-Id of an initialized session");
      return;
    }
    String user = caller.get().userId();
    if (!streams.take(user)) {
      tooManyStreams(ctx);
      return;
    }
    EventStream stream = new EventStream(json);
    String session = exchange.sessionId();
    broker.open(user, stream);
    server.clients().open(session, stream);
    EventStream previous = sessionStreams.put(session, stream);
    if (previous != null) {
      previous.close();
    }
    try {
      stream.run(ctx, "id: 0\ndata: \n\n");
    } finally {
      broker.close(user, stream);
      server.clients().close(session, stream);
      sessionStreams.remove(session, stream);
      streams.give(user);
    }
  }

  private void delete(Context javalin, McpTarget target) {
    WebCall ctx = WebCall.of(javalin);
    Optional<Principal> caller = admit(ctx);
    if (caller.isEmpty()) {
      return;
    }
    if (ctx.header("Mcp-Session-Id") == null) {
      rpcError(ctx, 400, -32600, "send the Mcp-Session-Id to end");
      return;
    }
    int status = server.delete(exchange(ctx, caller.get(), target));
    if (status == 204) {
      EventStream stream = sessionStreams.remove(ctx.header("Mcp-Session-Id"));
      if (stream != null) {
        stream.close();
      }
    }
    ctx.status(status);
  }

  /** Origin, Host and token checks; answers the request itself and returns empty when they fail. */
  private Optional<Principal> admit(WebCall ctx) {
    return gate.admit(ctx, (status, message) -> rpcError(ctx, status, -32600, message));
  }

  /** The exchange of a GET or DELETE: no body. */
  private McpExchange exchange(WebCall ctx, Principal caller, McpTarget target) {
    return new McpExchange(caller, target, new byte[0], ctx.header("MCP-Protocol-Version"),
        ctx.header("Mcp-Session-Id"), ctx.header("Mcp-Method"), ctx.header("Mcp-Name"));
  }

  /** 429 with {@code Retry-After}, as a JSON-RPC error naming the limit. */
  private void tooManyStreams(WebCall ctx) {
    ctx.header("Retry-After", "1");
    rpcError(ctx, 429, -32000, streams.refusal());
  }

  private void rpcError(WebCall ctx, int status, int code, String message) {
    ObjectNode body = json.createObjectNode().put("jsonrpc", "2.0");
    body.putNull("id");
    body.putObject("error").put("code", code).put("message", message);
    ctx.answer(status, "application/json", json.writeValueAsBytes(body));
  }
}
