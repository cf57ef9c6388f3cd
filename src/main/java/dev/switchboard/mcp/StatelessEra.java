package dev.switchboard.mcp;

import dev.switchboard.mcp.internal.SurfaceFactory;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * MCP 2026-07-28, stateless: no initialize and no session; every request carries its protocol
 * version in {@code params._meta} and in {@code MCP-Protocol-Version}, its method in
 * {@code Mcp-Method} and, for {@code tools/call}, the tool in {@code Mcp-Name}. Results carry
 * {@code resultType}, the server info, and for lists {@code ttlMs} with {@code cacheScope:
 * "private"} because what a caller sees depends on their credentials.
 */
final class StatelessEra {
  static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";
  private static final long LIST_TTL_MS = 0;
  private final JsonMapper json;
  private final SurfaceFactory surfaces;
  private final String version;
  private final BiFunction<McpExchange, Rpc, JsonNode> call;
  private final ToolLists lists;

  StatelessEra(JsonMapper json, SurfaceFactory surfaces, String version,
      BiFunction<McpExchange, Rpc, JsonNode> call, ToolLists lists) {
    this.json = json;
    this.lists = lists;
    this.surfaces = surfaces;
    this.version = version;
    this.call = call;
  }

  McpReply handle(McpExchange exchange, Rpc rpc, String requested) {
    if (!ProtocolVersions.STATELESS.contains(requested)) {
      ObjectNode data = json.createObjectNode();
      var supported = data.putArray("supported");
      ProtocolVersions.STATELESS.forEach(supported::add);
      data.put("requested", requested);
      throw new McpError(McpError.UNSUPPORTED_VERSION, "Unsupported protocol version", data, 400);
    }
    requireHeader("MCP-Protocol-Version", exchange.protocolVersionHeader(), requested);
    requireHeader("Mcp-Method", exchange.methodHeader(), rpc.method());
    if (rpc.method().equals("tools/call")) {
      requireHeader("Mcp-Name", decode(exchange.nameHeader()), rpc.params().path("name").asString(""));
    }
    if (rpc.isNotification()) {
      return McpReply.accepted();
    }
    ObjectNode result = switch (rpc.method()) {
      case "server/discover" -> discover(exchange);
      case "tools/list" -> list(exchange, rpc);
      case "tools/call" -> (ObjectNode) call.apply(exchange, rpc);
      case "subscriptions/listen" -> null;
      default -> throw new McpError(McpError.METHOD_NOT_FOUND, "method not found: " + rpc.method(), 404);
    };
    if (result == null) {
      return McpReply.listen(listen(rpc));
    }
    result.put("resultType", "complete");
    result.putObject("_meta").set(SERVER_INFO, serverInfo());
    ObjectNode body = json.createObjectNode();
    body.put("jsonrpc", "2.0");
    body.set("id", rpc.id());
    body.set("result", result);
    return McpReply.json(200, body);
  }

  private ObjectNode discover(McpExchange exchange) {
    surfaces.build(exchange.principal(), exchange.target());
    ObjectNode result = json.createObjectNode();
    var versions = result.putArray("supportedVersions");
    ProtocolVersions.STATELESS.forEach(versions::add);
    result.putObject("capabilities").putObject("tools").put("listChanged", true);
    result.put("instructions", Instructions.of(exchange.target()));
    result.put("ttlMs", 3_600_000L);
    result.put("cacheScope", "private");
    return result;
  }

  private ObjectNode list(McpExchange exchange, Rpc rpc) {
    ObjectNode page = lists.page(exchange, surfaces.build(exchange.principal(), exchange.target()),
        rpc.params().path("cursor"));
    page.put("ttlMs", LIST_TTL_MS);
    page.put("cacheScope", "private");
    return page;
  }


  /** {@code params.notifications} (a SubscriptionFilter) is required on a listen request. */
  private Subscription listen(Rpc rpc) {
    JsonNode filter = rpc.params().path("notifications");
    if (!filter.isObject()) {
      throw McpError.invalidParams("invalid params: 'notifications' is required and must be a SubscriptionFilter");
    }
    return new Subscription(json, rpc.id(), filter, serverInfo());
  }

  private ObjectNode serverInfo() {
    ObjectNode info = json.createObjectNode();
    info.put("name", "switchboard");
    info.put("version", version);
    return info;
  }

  private static void requireHeader(String header, String given, String expected) {
    if (given == null) {
      throw new McpError(McpError.HEADER_MISMATCH, "Header mismatch: " + header + " is required", 400);
    }
    if (!given.equals(expected)) {
      throw new McpError(McpError.HEADER_MISMATCH, "Header mismatch: " + header + " does not match the body", 400);
    }
  }

  /** Decodes the {@code =?base64?…?=} form used for names that are not plain ASCII. */
  static String decode(String value) {
    if (value != null && value.startsWith("=?base64?") && value.endsWith("?=")) {
      try {
        return new String(Base64.getDecoder().decode(value.substring(9, value.length() - 2)),
            StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return value;
      }
    }
    return value;
  }
}
