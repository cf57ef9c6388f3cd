package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.ClientPeer;
import dev.switchboard.upstream.Header;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

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

  /**
   * Sends request {@code method} on behalf of {@code peer} (null: nobody), as above, asking for
   * progress (MCP 2025-11-25, "Progress"): its
   * {@code _meta.progressToken} is one of this connection's own, and the {@code params} of every
   * {@code notifications/progress} the server sends for it go to {@code progress} (on a client
   * thread; it must not block) after they moved the budget's deadline ({@link Budget#progressed}).
   * Like every request, one whose waiting thread is interrupted (the caller cancelled it) is
   * cancelled on the server with {@code notifications/cancelled}.
   */
  JsonNode request(String method, ObjectNode params, List<Header> auth, Budget budget, ClientPeer peer,
      Consumer<JsonNode> progress);

  /** Sends notification {@code method} (no params) and waits until the server accepted it. */
  void notify(String method, List<Header> auth, Budget budget);

  /** Records the protocol version {@code initialize} agreed on. */
  void negotiated(String protocolVersion);

  /** Whether the connection can still carry requests (a legacy event stream may have closed). */
  boolean isOpen();

  /** Ends the session (best effort, without waiting). */
  void close();
}
