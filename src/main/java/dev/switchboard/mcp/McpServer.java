package dev.switchboard.mcp;

import dev.switchboard.account.Principal;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.mcp.internal.BundleOffer;
import dev.switchboard.mcp.internal.Cursors;
import dev.switchboard.mcp.internal.EndedSessions;
import dev.switchboard.mcp.internal.ProviderFeatures;
import dev.switchboard.mcp.internal.SurfaceFactory;
import dev.switchboard.store.Ids;
import dev.switchboard.upstream.ClientPeer;
import dev.switchboard.upstream.CurrentPeer;
import dev.switchboard.vault.Digests;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The MCP server surface behind {@code /mcp/bundle/{slug}} and {@code /mcp/hub}: JSON-RPC parsing,
 * version negotiation, sessions, and the methods of both eras (initialize-based 2025 revisions and
 * stateless 2026-07-28). Transport-independent: the web layer hands it an {@link McpExchange}.
 * Errors never carry internal detail. Thread safe.
 */
public final class McpServer {
  private static final Logger LOG = LoggerFactory.getLogger(McpServer.class);
  private final JsonMapper json;
  private final SessionTokens sessions;
  private final EndedSessions ended;
  private final SurfaceFactory surfaces;
  private final Clock clock;
  private final String version;
  private final Duration callTimeout;
  private final Map<String, InFlightCall> inFlight = new ConcurrentHashMap<>();
  private final ObjectReader reader;
  private final ToolLists lists;
  private final Relay relay;

  /**
   * What a server needs to relay its MCP providers' resources, prompts, completions and logging and
   * their requests to clients: the features, the GET streams of this instance, the peer binding the
   * upstream client reads, and the notification routes.
   */
  public record Relay(ProviderFeatures features, ClientStreams clients, CurrentPeer peers, RelayedNotices notices) {}

  /** {@code callTimeout}: how long the tool calls of one request (a whole batch) may take together. */
  public McpServer(JsonMapper json, SessionTokens sessions, Cursors cursors, EndedSessions ended,
      SurfaceFactory surfaces, Clock clock, String version, Duration callTimeout, Relay relay) {
    this.json = json;
    this.relay = relay;
    this.lists = new ToolLists(json, cursors);
    this.sessions = sessions;
    this.ended = ended;
    this.surfaces = surfaces;
    this.clock = clock;
    this.version = version;
    this.callTimeout = callTimeout;
    // a JSON-RPC body that repeats a key is refused (-32700): two readers could see two requests
    this.reader = json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
  }

  /**
   * Handles one POST. Every failure is answered as a JSON-RPC error (or an {@code isError} tool
   * result), never in the REST error shape: a {@link SwitchboardException} keeps its message and
   * gets its code as {@code error.data.code}; anything unexpected is logged and answered -32603.
   */
  public McpReply post(McpExchange request) {
    // one deadline for the whole request: the items of a batch share it, none gets a fresh budget
    McpExchange exchange = request.deadline() != null ? request
        : request.withDeadline(clock.instant().plus(callTimeout));
    JsonNode message;
    try {
      message = reader.readTree(exchange.body());
    } catch (JacksonException e) {
      return McpReply.json(400, errorBody(null, McpError.PARSE_ERROR, Duplicates.is(e)
          ? "parse error: the body repeats the key '" + Duplicates.key(e) + "' in one object"
          : "parse error: the body is not valid JSON", null));
    }
    if (message == null || message.isMissingNode()) {
      return McpReply.json(400, errorBody(null, McpError.PARSE_ERROR, "parse error: the body is empty", null));
    }
    if (message.isArray()) {
      return batch(exchange, (ArrayNode) message);
    }
    try {
      return single(exchange, message);
    } catch (McpError e) {
      JsonNode id = message.isObject() ? message.get("id") : null;
      return McpReply.json(e.httpStatus(), errorBody(id, e.code(), e.getMessage(), e.data()));
    }
  }

  /** One message, with every failure turned into an {@link McpError}. */
  private McpReply single(McpExchange exchange, JsonNode message) {
    try {
      return dispatch(exchange, message);
    } catch (McpError e) {
      throw e;
    } catch (SwitchboardException e) {
      throw McpErrors.of(e, json);
    } catch (RuntimeException e) {
      LOG.error("unexpected error while serving an MCP request", e);
      throw new McpError(McpError.INTERNAL_ERROR,
          "internal error on our side; the request id is in the X-Request-Id header", 500);
    }
  }

  /** The GET streams of this instance, which the transport registers. */
  public ClientStreams clients() {
    return relay.clients();
  }

  /** Ends a session (DELETE); answers 404 for an unknown or already ended one. */
  public int delete(McpExchange exchange) {
    Optional<SessionTokens.Claims> claims = claims(exchange);
    if (claims.isEmpty()) {
      return 404;
    }
    ended.end(Digests.sha256Hex(exchange.sessionId()), clock.instant());
    relay.notices().ended(exchange.sessionId());
    return 204;
  }

  /** Whether a GET stream may be opened: a live session of this caller and endpoint (else 404/400). */
  public int streamStatus(McpExchange exchange) {
    if (exchange.sessionId() == null) {
      return 400;
    }
    return claims(exchange).isPresent() ? 200 : 404;
  }

  private McpReply batch(McpExchange exchange, ArrayNode messages) {
    String v = exchange.protocolVersionHeader() == null ? ProtocolVersions.V2025_03_26 : exchange.protocolVersionHeader();
    if (!ProtocolVersions.batchesAllowed(v) || messages.isEmpty()) {
      return McpReply.json(400, errorBody(null, McpError.INVALID_REQUEST, messages.isEmpty()
          ? "invalid request: empty batch"
          : "invalid request: JSON-RPC batches are not supported in protocol version " + v, null));
    }
    ArrayNode out = json.createArrayNode();
    for (JsonNode m : messages) {
      try {
        McpReply r = single(exchange, m);
        if (r.body() != null) {
          out.add(r.body());
        }
      } catch (McpError e) {
        out.add(errorBody(m.isObject() ? m.get("id") : null, e.code(), e.getMessage(), e.data()));
      }
    }
    return out.isEmpty() ? McpReply.accepted() : McpReply.json(200, out);
  }

  private McpReply dispatch(McpExchange exchange, JsonNode message) {
    Rpc rpc = Rpc.of(message);
    if (rpc.isResponse()) {
      // the answer to a request relayed from a remote server (sampling, elicitation, roots), taken
      // only from the session (of this caller and endpoint) the request was sent to
      boolean live = exchange.sessionId() != null && claims(exchange).isPresent();
      if (!live || !relay.clients().answered(exchange.sessionId(), rpc.params())) {
        LOG.debug("ignored a JSON-RPC response that answers no request relayed to this session");
      }
      return McpReply.accepted();
    }
    Optional<String> modern = rpc.metaVersion();
    if (modern.isPresent()) {
      return new StatelessEra(json, surfaces, version, this::call, lists).handle(exchange, rpc, modern.get());
    }
    return legacy(exchange, rpc);
  }

  private McpReply legacy(McpExchange exchange, Rpc rpc) {
    String header = exchange.protocolVersionHeader();
    if (header != null && !ProtocolVersions.supported(header)) {
      throw new McpError(McpError.INVALID_REQUEST, "unsupported MCP-Protocol-Version '" + header
          + "'; supported: " + ProtocolVersions.INITIALIZE + " and " + ProtocolVersions.STATELESS, 400);
    }
    if (rpc.method().equals("initialize")) {
      return initialize(exchange, rpc);
    }
    Optional<SessionTokens.Claims> session = exchange.sessionId() == null ? Optional.empty() : claims(exchange);
    if (exchange.sessionId() != null && session.isEmpty()) {
      throw new McpError(McpError.INVALID_REQUEST, "unknown or ended session; initialize again", 404);
    }
    // the POST's own event stream carries a relayed request when the session has no GET stream
    Consumer<JsonNode> requestStream = exchange.toCaller() == McpExchange.NOBODY ? null : exchange.toCaller();
    ClientPeer peer = session.<ClientPeer>map(c -> new SessionPeer(relay.clients(), exchange.sessionId(),
        Set.of(c.capabilities().split(" ")), json, requestStream)).orElse(null);
    return peer == null ? served(exchange, rpc) : relay.peers().with(peer, () -> served(exchange, rpc));
  }

  private McpReply served(McpExchange exchange, Rpc rpc) {
    if (rpc.isNotification()) {
      if (rpc.method().equals("notifications/cancelled")) {
        cancel(exchange, rpc.params().path("requestId"));
      }
      return McpReply.accepted();
    }
    JsonNode result = switch (rpc.method()) {
      case "ping" -> json.createObjectNode();
      case "tools/list" -> lists.page(exchange, surfaces.build(exchange.principal(), exchange.target()),
          rpc.params().path("cursor"));
      case "tools/call" -> cancellable(exchange, rpc);
      case "resources/list", "resources/templates/list", "resources/read", "resources/subscribe",
          "resources/unsubscribe", "prompts/list", "prompts/get", "completion/complete", "logging/setLevel" ->
          relayed(exchange, rpc);
      default -> throw new McpError(McpError.METHOD_NOT_FOUND, "method not found: " + rpc.method()
          + " (this server offers tools: tools/list, tools/call)", 200);
    };
    if (result == null) {
      // cancelled: MCP 2025-11-25 ("Cancellation") — no response for a cancelled request
      return McpReply.accepted();
    }
    return McpReply.json(200, resultBody(rpc.id(), result));
  }

  /**
   * A request for a feature of the bundle's MCP providers; their notifications then follow what the
   * bundle offers when each arrives.
   */
  private ObjectNode relayed(McpExchange exchange, Rpc rpc) {
    Principal caller = exchange.principal();
    McpTarget target = exchange.target();
    BundleOffer offer = relay.features().offer(caller, target);
    return relay.features().handle(offer, rpc.method(), rpc.params(), exchange.deadline(), key -> {
      if (exchange.sessionId() != null) {
        relay.notices().used(key, exchange.sessionId(), () -> relay.features().offered(caller, target));
      }
    });
  }

  private McpReply initialize(McpExchange exchange, Rpc rpc) {
    String requested = rpc.params().path("protocolVersion").asString("");
    String negotiated = ProtocolVersions.negotiate(requested);
    surfaces.build(exchange.principal(), exchange.target());
    ObjectNode result = json.createObjectNode();
    result.put("protocolVersion", negotiated);
    ObjectNode capabilities = result.putObject("capabilities");
    capabilities.putObject("tools").put("listChanged", true);
    capabilities.setAll(relay.features().capabilities(relay.features().offer(exchange.principal(),
        exchange.target())));
    ObjectNode info = result.putObject("serverInfo");
    info.put("name", "switchboard");
    info.put("title", "Switchboard");
    info.put("version", version);
    result.put("instructions", Instructions.of(exchange.target()));
    String session = sessions.issue(new SessionTokens.Claims(exchange.principal().userId(),
        exchange.target().key(), negotiated, clock.millis(), Ids.random(12),
        declared(rpc.params().path("capabilities"))));
    return new McpReply(200, resultBody(rpc.id(), result), Map.of("Mcp-Session-Id", session), null);
  }

  /** The relayed capabilities ({@link SessionPeer#NEEDS}) the client declared in initialize. */
  private static String declared(JsonNode capabilities) {
    return SessionPeer.NEEDS.values().stream().filter(c -> capabilities.path(c).isObject()).sorted()
        .collect(Collectors.joining(" "));
  }

  /**
   * Runs a tools/call that {@code notifications/cancelled} can stop (same instance): the thread is
   * interrupted, the upstream request aborted (a remote MCP server is sent
   * {@code notifications/cancelled} too), and there is no answer — null — whatever the interrupted
   * call threw on its way out (a cancelled call is never a 500).
   */
  private JsonNode cancellable(McpExchange exchange, Rpc rpc) {
    String key = exchange.principal().userId() + "\n" + rpc.id();
    InFlightCall running = new InFlightCall(Thread.currentThread());
    inFlight.put(key, running);
    try {
      JsonNode result = call(exchange, rpc);
      return running.cancelled() ? null : result;
    } catch (RuntimeException e) {
      if (running.cancelled() && !(e instanceof McpError)) {
        return null;
      }
      throw e;
    } finally {
      inFlight.remove(key, running);
      running.finish();
    }
  }

  private void cancel(McpExchange exchange, JsonNode requestId) {
    InFlightCall running = inFlight.get(exchange.principal().userId() + "\n" + requestId);
    if (running != null) {
      running.cancel();
    }
  }

  JsonNode call(McpExchange exchange, Rpc rpc) {
    String name = rpc.params().path("name").asString("");
    if (name.isEmpty()) {
      throw McpError.invalidParams("tools/call needs params.name");
    }
    return surfaces.build(exchange.principal(), exchange.target()).call(name, rpc.params().get("arguments"),
        exchange.deadline() != null ? exchange.deadline() : clock.instant().plus(callTimeout),
        progress(exchange, rpc.params().path("_meta").get("progressToken")));
  }

  /**
   * Where a call's progress goes: when the caller asked for it with a progress token (a string or
   * an integer, MCP 2025-11-25 "Progress"), each update becomes a {@code notifications/progress}
   * carrying the caller's token, sent to the caller; otherwise nowhere.
   */
  private Consumer<JsonNode> progress(McpExchange exchange, JsonNode token) {
    if (token == null || !(token.isString() || token.isIntegralNumber())) {
      return update -> { };
    }
    return update -> {
      ObjectNode params = update.isObject() ? ((ObjectNode) update).deepCopy() : json.createObjectNode();
      params.set("progressToken", token);
      ObjectNode notification = json.createObjectNode().put("jsonrpc", "2.0").put("method", "notifications/progress");
      notification.set("params", params);
      exchange.toCaller().accept(notification);
    };
  }

  private Optional<SessionTokens.Claims> claims(McpExchange exchange) {
    return sessions.read(exchange.sessionId())
        .filter(c -> c.userId().equals(exchange.principal().userId()))
        .filter(c -> c.endpoint().equals(exchange.target().key()))
        .filter(c -> !ended.ended(Digests.sha256Hex(exchange.sessionId())));
  }

  ObjectNode resultBody(JsonNode id, JsonNode result) {
    ObjectNode body = json.createObjectNode();
    body.put("jsonrpc", "2.0");
    body.set("id", id);
    body.set("result", result);
    return body;
  }

  ObjectNode errorBody(JsonNode id, int code, String message, JsonNode data) {
    ObjectNode body = json.createObjectNode();
    body.put("jsonrpc", "2.0");
    body.set("id", id == null ? json.nullNode() : id);
    ObjectNode error = body.putObject("error");
    error.put("code", code);
    error.put("message", message);
    if (data != null) {
      error.set("data", data);
    }
    return body;
  }
}
