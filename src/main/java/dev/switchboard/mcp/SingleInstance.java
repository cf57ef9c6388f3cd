package dev.switchboard.mcp;

import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * There are no other instances (SQLite): a session without a stream on this instance has none at
 * all, so its relayed requests are refused and its notifications dropped. Immutable.
 */
public final class SingleInstance implements OtherInstances {
  @Override
  public Optional<String> ask(String sessionId, String relayId, ObjectNode request) {
    return Optional.of("the client has no open stream on which Switchboard could relay "
        + request.path("method").asString("") + " (open the GET stream of the session)");
  }

  @Override
  public boolean notify(String sessionId, JsonNode notification) {
    return false;
  }

  @Override
  public void answered(String sessionId, String relayId, JsonNode response) {
    // no request waits for it anywhere
  }

  @Override
  public void done(String relayId) {
    // nothing was handed over
  }

  @Override
  public void received(String message, ClientStreams here) {
    // no other instance sends any
  }

  @Override
  public void close() {
    // nothing runs
  }
}
