package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.ClientPeer;
import dev.switchboard.upstream.Header;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One client connection to a remote MCP server over one transport (Streamable HTTP or the legacy
 * HTTP+SSE one), after or during its {@code initialize} handshake. Requests may run concurrently.
 * The auth headers come with every call because a credential's token can change between calls.
 */
public interface McpConnection {

  /**
   * Sends request {@code method} and waits for its result.
   *
   * @throws dev.switchboard.upstream.RemoteMcpException when the server answers with an error
   * @throws SessionExpiredException when the server no longer knows the session
   * @throws dev.switchboard.upstream.UpstreamUnavailableException when it cannot be reached in time
   */
  default JsonNode request(String method, JsonNode params, List<Header> auth, Budget budget) {
    return request(method, params, auth, budget, null);
  }

  /**
   * Sends request {@code method} on behalf of {@code peer} (null: nobody), who answers the requests
   * the server sends while it runs, and waits for its result; throws as above.
   */
  JsonNode request(String method, JsonNode params, List<Header> auth, Budget budget, ClientPeer peer);

  /** Sends notification {@code method} (no params) and waits until the server accepted it. */
  void notify(String method, List<Header> auth, Budget budget);

  /** Records the protocol version {@code initialize} agreed on. */
  void negotiated(String protocolVersion);

  /** Whether the connection can still carry requests (a legacy event stream may have closed). */
  boolean isOpen();

  /** Ends the session (best effort, without waiting). */
  void close();
}
