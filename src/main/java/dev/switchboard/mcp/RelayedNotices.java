package dev.switchboard.mcp;

import dev.switchboard.mcp.internal.Namespaces;
import dev.switchboard.upstream.UpstreamNotices;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which sessions get the notifications of which upstream connection: a session that subscribed to a
 * provider's resource or set the log level through a bundle gets that provider's log messages,
 * resource updates and list changes on its GET stream, named as on the bundle (a resource URI
 * namespaced, the logger prefixed with the provider). Kept in memory on the instance that served
 * the request, until the session ends. Thread safe.
 */
public final class RelayedNotices implements UpstreamNotices {
  private final Map<String, Set<String>> sessionsByKey = new ConcurrentHashMap<>();
  private final ClientStreams streams;
  private final JsonMapper json;

  public RelayedNotices(ClientStreams streams, JsonMapper json) {
    this.streams = streams;
    this.json = json;
  }

  /** From now on {@code sessionId} gets the notifications of connection {@code cacheKey}. */
  void used(String cacheKey, String sessionId) {
    sessionsByKey.computeIfAbsent(cacheKey, k -> ConcurrentHashMap.newKeySet()).add(sessionId);
  }

  /** The session ended. */
  void ended(String sessionId) {
    sessionsByKey.values().forEach(sessions -> sessions.remove(sessionId));
  }

  @Override
  public void received(String cacheKey, JsonNode notification) {
    Set<String> sessions = sessionsByKey.get(cacheKey);
    if (sessions == null || sessions.isEmpty()) {
      return;
    }
    String provider = cacheKey.substring(0, Math.max(0, cacheKey.indexOf('/')));
    JsonNode renamed = renamed(provider, notification);
    sessions.forEach(session -> streams.notify(session, renamed));
  }

  private JsonNode renamed(String provider, JsonNode notification) {
    ObjectNode copy = ((ObjectNode) notification).deepCopy();
    JsonNode params = copy.path("params");
    if (params.isObject()) {
      ObjectNode p = (ObjectNode) params;
      String method = copy.path("method").asString("");
      if (method.equals("notifications/resources/updated") && p.path("uri").isString()) {
        p.put("uri", Namespaces.uri(provider, p.path("uri").asString()));
      } else if (method.equals("notifications/message")) {
        p.put("logger", p.path("logger").isString() ? provider + "/" + p.path("logger").asString() : provider);
      }
    }
    return copy;
  }
}
