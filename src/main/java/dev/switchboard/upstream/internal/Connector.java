package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.Header;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Connects to a remote MCP server the way MCP 2025-11-25 ("Backwards Compatibility") tells clients
 * to: initialize over Streamable HTTP; when that POST answers 400, 404 or 405, look for a legacy
 * HTTP+SSE event stream at the URLs {@link LegacyUrls#candidates} lists and initialize over the
 * first one found; when there is none, report the Streamable HTTP answer. Thread safe.
 */
public final class Connector {
  private final McpWire wire;

  public Connector(McpWire wire) {
    this.wire = wire;
  }

  /**
   * An initialized connection to {@code url}.
   *
   * @param toolsChanged run (on a client thread) when the server announces a changed tool list
   */
  public McpConnection connect(URI url, List<Header> auth, Runnable toolsChanged, Consumer<JsonNode> notices,
      Budget budget) {
    StreamableConnection streamable = new StreamableConnection(wire, url, toolsChanged, notices);
    try {
      Handshake.run(streamable, url, wire.rpc(), auth, budget, Handshake.STREAMABLE);
      return streamable;
    } catch (NotStreamableException e) {
      return legacy(url, auth, toolsChanged, notices, budget).orElseThrow(e::failure);
    } catch (RuntimeException e) {
      streamable.close();
      throw e;
    }
  }

  private Optional<McpConnection> legacy(URI url, List<Header> auth, Runnable toolsChanged,
      Consumer<JsonNode> notices, Budget budget) {
    for (URI candidate : LegacyUrls.candidates(url)) {
      Optional<LegacySseConnection> found =
          LegacySseConnection.open(wire, candidate, auth, toolsChanged, notices, budget);
      if (found.isPresent()) {
        try {
          Handshake.run(found.get(), candidate, wire.rpc(), auth, budget, Handshake.LEGACY);
          return Optional.of(found.get());
        } catch (RuntimeException e) {
          found.get().close();
          throw e;
        }
      }
    }
    return Optional.empty();
  }
}
