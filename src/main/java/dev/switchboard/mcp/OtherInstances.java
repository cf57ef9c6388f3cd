package dev.switchboard.mcp;

import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The GET streams held by other instances, for what {@link ClientStreams} relays to a session whose
 * stream is not open on this one (docs/mcp.md, "Relayed server requests", "Several instances"):
 * {@link SingleInstance} when there is only this one (SQLite), {@link ClusterRelay} when instances
 * share a PostgreSQL. The composition root chooses.
 */
public interface OtherInstances extends AutoCloseable {
  /**
   * Hands request {@code relayId} for the client of {@code sessionId} to the instance holding its
   * stream; the client's answer comes back through {@link ClientStreams#answered}.
   *
   * @return empty once handed over, else why it could not be
   */
  Optional<String> ask(String sessionId, String relayId, ObjectNode request);

  /** Hands a notification for the stream of {@code sessionId}; false when it could not. */
  boolean notify(String sessionId, JsonNode notification);

  /**
   * An answer to relayed request {@code relayId} from the client of {@code sessionId} (a live
   * session of the caller, checked by the server) that no request of this instance waits for.
   */
  void answered(String sessionId, String relayId, JsonNode response);

  /** The wait for {@code relayId} ended (answered or not): what is left of it is dropped. */
  void done(String relayId);

  /** A message from another instance about relays; {@code here} holds this instance's streams. */
  void received(String message, ClientStreams here);

  @Override
  void close();
}
