package dev.switchboard.web;

import dev.switchboard.account.Principal;
import dev.switchboard.mcp.ListChangedBroker;
import dev.switchboard.mcp.McpExchange;
import dev.switchboard.mcp.McpReply;
import dev.switchboard.mcp.McpServer;
import dev.switchboard.mcp.McpTarget;
import dev.switchboard.mcp.ProtocolVersions;
import dev.switchboard.store.Ids;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The legacy HTTP+SSE transport (MCP 2024-11-05) for old clients: GET {@code …/sse} opens a stream
 * whose first event names the POST URL; each POST to it answers 202 and its JSON-RPC response
 * travels on the stream. Sessions of this transport live in this instance's memory.
 */
final class LegacySseRoutes {
  private record Open(String userId, McpTarget target, EventStream stream) {}

  private final Map<String, Open> open = new ConcurrentHashMap<>();
  private final McpServer server;
  private final ListChangedBroker broker;
  private final McpGate gate;
  private final JsonMapper json;
  private final long maxBodyBytes;
  private final StreamSlots streams;

  LegacySseRoutes(McpServer server, ListChangedBroker broker, McpGate gate, JsonMapper json, long maxBodyBytes,
      StreamSlots streams) {
    this.server = server;
    this.broker = broker;
    this.gate = gate;
    this.json = json;
    this.maxBodyBytes = maxBodyBytes;
    this.streams = streams;
  }

  void register(RoutesConfig routes) {
    Function<Context, McpTarget> bundle = ctx -> new McpTarget.Bundle(ctx.pathParam("slug"));
    Function<Context, McpTarget> hub = ctx -> new McpTarget.Hub();
    routes.get("/mcp/bundle/{slug}/sse", ctx -> stream(ctx, bundle.apply(ctx), "/mcp/bundle/" + ctx.pathParam("slug")));
    routes.get("/mcp/hub/sse", ctx -> stream(ctx, hub.apply(ctx), "/mcp/hub"));
    routes.post("/mcp/bundle/{slug}/messages", ctx -> message(ctx, bundle.apply(ctx)));
    routes.post("/mcp/hub/messages", ctx -> message(ctx, hub.apply(ctx)));
  }

  private void stream(Context ctx, McpTarget target, String base) {
    Optional<Principal> caller = admit(ctx);
    if (caller.isEmpty()) {
      return;
    }
    String user = caller.get().userId();
    if (!streams.take(user)) {
      ctx.header("Retry-After", "1");
      rpcError(ctx, 429, -32000, streams.refusal());
      return;
    }
    String id = Ids.random(32);
    EventStream stream = new EventStream(json);
    open.put(id, new Open(user, target, stream));
    broker.open(user, stream);
    try {
      stream.run(WebCall.of(ctx), "event: endpoint\ndata: " + base + "/messages?sessionId=" + id + "\n\n");
    } finally {
      broker.close(user, stream);
      open.remove(id);
      streams.give(user);
    }
  }

  private void message(Context ctx, McpTarget target) {
    Optional<Principal> caller = admit(ctx);
    if (caller.isEmpty()) {
      return;
    }
    Open session = Optional.ofNullable(ctx.queryParam("sessionId")).map(open::get).orElse(null);
    if (session == null || !session.userId().equals(caller.get().userId())
        || !session.target().key().equals(target.key())) {
      rpcError(ctx, 404, "unknown session; open the SSE stream again");
      return;
    }
    byte[] body = BoundedBody.read(WebCall.of(ctx), maxBodyBytes);
    if (body == null) {
      rpcError(ctx, 413, "the body is larger than " + maxBodyBytes + " bytes");
      return;
    }
    McpReply reply = server.post(new McpExchange(caller.get(), target, body, ProtocolVersions.LEGACY_SSE,
        null, null, null, session.stream()::send));
    if (reply.body() != null) {
      session.stream().event("message", json.writeValueAsString(reply.body()));
    }
    ctx.status(202).result("Accepted");
  }

  /** The POST endpoint refuses in JSON-RPC too (MCP clients parse it), never in the REST shape. */
  private Optional<Principal> admit(Context ctx) {
    return gate.admit(WebCall.of(ctx), (status, message) -> rpcError(ctx, status, message));
  }

  private void rpcError(Context ctx, int status, String message) {
    rpcError(ctx, status, -32600, message);
  }

  private void rpcError(Context ctx, int status, int code, String message) {
    ObjectNode body = json.createObjectNode().put("jsonrpc", "2.0");
    body.putNull("id");
    body.putObject("error").put("code", code).put("message", message);
    ctx.status(status).contentType("application/json").header("X-Content-Type-Options", "nosniff")
        .result(json.writeValueAsBytes(body));
  }
}
