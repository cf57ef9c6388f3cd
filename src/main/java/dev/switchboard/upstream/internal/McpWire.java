package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.Header;
import dev.switchboard.upstream.HttpCall;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What every remote MCP connection shares: the streaming client, JSON-RPC, the cap on one message,
 * and how long an idle legacy event stream is kept. Immutable.
 *
 * @param maxMessageBytes the most bytes of one JSON-RPC message (one event, or one JSON body)
 * @param streamIdleMillis how long a legacy event stream may stay silent before it is closed
 */
public record McpWire(McpHttp http, JsonRpc rpc, int maxMessageBytes, long streamIdleMillis) {

  /** A POST of {@code body} (JSON) with the auth headers first, then the transport's own. */
  HttpCall post(URI uri, byte[] body, List<Header> auth, List<Header> transport, Instant deadline) {
    return new HttpCall("POST", uri, headers(auth, transport), body, Optional.of("application/json"),
        deadline, maxMessageBytes);
  }

  /** A GET or DELETE without body. */
  HttpCall bodiless(String method, URI uri, List<Header> auth, List<Header> transport, Instant deadline) {
    return new HttpCall(method, uri, headers(auth, transport), new byte[0], Optional.empty(), deadline,
        maxMessageBytes);
  }

  /** A deadline for best-effort messages nobody waits for (answers to server requests, DELETE). */
  Instant soon() {
    return http.clock().instant().plusSeconds(10);
  }

  private static List<Header> headers(List<Header> auth, List<Header> transport) {
    List<Header> all = new ArrayList<>(auth);
    all.addAll(transport);
    return all;
  }
}
