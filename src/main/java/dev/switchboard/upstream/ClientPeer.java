package dev.switchboard.upstream;

import tools.jackson.databind.JsonNode;

/**
 * The client connected to Switchboard on whose behalf an upstream request runs, as the remote MCP
 * server's requests ({@code sampling/createMessage}, {@code elicitation/create}, {@code roots/list})
 * see it: each is relayed to that client and its answer goes back upstream
 * (docs/remote-mcp-providers.md, "Server requests"). Implementations must be thread safe.
 */
public interface ClientPeer {
  /** JSON-RPC "method not found": what a client without the capability, or no client, answers. */
  int METHOD_NOT_FOUND = -32601;

  /**
   * Asks the client and waits for its answer (bounded by the implementation).
   *
   * @return the answer's {@code result} or {@code error} member, as an object holding exactly one
   *     of the two; never null
   */
  JsonNode ask(String method, JsonNode params);

  /** No client: every request is refused as "method not found". */
  static ClientPeer none(JsonNode refusal) {
    return (method, params) -> refusal;
  }
}
