package dev.switchboard.mcp;

import dev.switchboard.upstream.ClientPeer;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The client of one session as a remote server's requests see it: a request whose capability the
 * client declared in {@code initialize} is relayed over its GET stream ({@link ClientStreams}), or
 * when it has none, over the event-stream answer of the request being served; any
 * other is refused with "method not found", which is what a client without the capability answers
 * (MCP 2025-11-25, "Sampling", "Elicitation", "Roots"). Immutable.
 */
final class SessionPeer implements ClientPeer {
  /** The capability each relayed request needs. */
  static final Map<String, String> NEEDS = Map.of("sampling/createMessage", "sampling",
      "elicitation/create", "elicitation", "roots/list", "roots");
  private final ClientStreams streams;
  private final String sessionId;
  private final Set<String> declared;
  private final JsonMapper json;
  private final Consumer<JsonNode> requestStream;

  /** {@code requestStream}: the event-stream answer of the client request being served, null when it cannot be one. */
  SessionPeer(ClientStreams streams, String sessionId, Set<String> declared, JsonMapper json,
      Consumer<JsonNode> requestStream) {
    this.streams = streams;
    this.requestStream = requestStream;
    this.sessionId = sessionId;
    this.declared = Set.copyOf(declared);
    this.json = json;
  }

  @Override
  public JsonNode ask(String method, JsonNode params) {
    String capability = NEEDS.get(method);
    if (capability == null || !declared.contains(capability)) {
      ObjectNode out = json.createObjectNode();
      out.putObject("error").put("code", METHOD_NOT_FOUND).put("message", capability == null
          ? "Switchboard does not relay " + method
          : "the client did not declare the " + capability + " capability");
      return out;
    }
    return streams.ask(sessionId, method, params, requestStream);
  }
}
