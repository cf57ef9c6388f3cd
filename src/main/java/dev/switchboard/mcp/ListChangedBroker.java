package dev.switchboard.mcp;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open notification streams of this instance by user, and the {@code notifications/tools/list_changed}
 * message sent to them when something changed what a user's tools/list would hold (a credential
 * verified, disabled, expired or deleted; a bundle changed). Thread safe.
 */
public final class ListChangedBroker {
  /** Where a stream's messages go; answers false once the stream is closed. */
  public interface Sink {
    boolean send(JsonNode message);

    /** Ends the stream (at shutdown). */
    void close();
  }

  private final Map<String, Set<Sink>> byUser = new ConcurrentHashMap<>();
  private final JsonNode message;

  public ListChangedBroker(JsonMapper json) {
    this.message = json.createObjectNode().put("jsonrpc", "2.0")
        .put("method", "notifications/tools/list_changed");
  }

  public void open(String userId, Sink sink) {
    byUser.computeIfAbsent(userId, u -> new CopyOnWriteArraySet<>()).add(sink);
  }

  public void close(String userId, Sink sink) {
    Set<Sink> sinks = byUser.get(userId);
    if (sinks != null) {
      sinks.remove(sink);
    }
  }

  /** Tells every open stream of the user that their tool list may have changed. */
  public void changed(String userId) {
    Set<Sink> sinks = byUser.getOrDefault(userId, Set.of());
    for (Sink sink : List.copyOf(sinks)) {
      if (!sink.send(message)) {
        sinks.remove(sink);
      }
    }
  }

  /** Tells every open stream (a catalog change may change anyone's tool list). */
  public void changedAll() {
    List.copyOf(byUser.keySet()).forEach(this::changed);
  }

  /** Ends every open stream, so that shutdown does not wait for clients. */
  public void closeAll() {
    byUser.values().forEach(sinks -> sinks.forEach(Sink::close));
  }

  /** How many streams are open (for metrics and tests). */
  public int openStreams() {
    return byUser.values().stream().mapToInt(Set::size).sum();
  }
}
