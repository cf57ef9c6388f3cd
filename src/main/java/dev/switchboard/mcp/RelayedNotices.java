package dev.switchboard.mcp;

import dev.switchboard.bundle.BundleFeatures;
import dev.switchboard.mcp.internal.Namespaces;
import dev.switchboard.upstream.UpstreamNotices;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which sessions get the notifications of which upstream connection: a session that subscribed to a
 * provider's resource or set the log level through a bundle gets that provider's log messages,
 * resource updates and list changes on its GET stream, named as on the bundle (a resource URI
 * namespaced, the logger prefixed with the provider), but only those of the features the bundle
 * offers when each notification arrives (read again each time, so that the owner turning a feature
 * off stops them at once, on every instance): log messages with logging, resource updates and list
 * changes with resources, prompt list changes with prompts. Kept in memory on the instance that served
 * the request, until the session ends. Thread safe.
 */
public final class RelayedNotices implements UpstreamNotices {
  private final Map<String, Map<String, Supplier<BundleFeatures>>> sessionsByKey = new ConcurrentHashMap<>();
  private final ClientStreams streams;
  private final JsonMapper json;

  public RelayedNotices(ClientStreams streams, JsonMapper json) {
    this.streams = streams;
    this.json = json;
  }

  /**
   * From now on {@code sessionId} gets the notifications of connection {@code cacheKey} that belong
   * to the features its bundle offers, as {@code offered} says when each arrives.
   */
  void used(String cacheKey, String sessionId, Supplier<BundleFeatures> offered) {
    sessionsByKey.computeIfAbsent(cacheKey, k -> new ConcurrentHashMap<>()).put(sessionId, offered);
  }

  /** The session ended. */
  void ended(String sessionId) {
    sessionsByKey.values().forEach(sessions -> sessions.remove(sessionId));
  }

  @Override
  public void received(String cacheKey, JsonNode notification) {
    Map<String, Supplier<BundleFeatures>> sessions = sessionsByKey.get(cacheKey);
    if (sessions == null || sessions.isEmpty()) {
      return;
    }
    String provider = cacheKey.substring(0, Math.max(0, cacheKey.indexOf('/')));
    JsonNode renamed = renamed(provider, notification);
    String method = notification.path("method").asString("");
    sessions.forEach((session, offered) -> {
      if (offers(current(offered), method)) {
        streams.notify(session, renamed);
      }
    });
  }

  /** What {@code offered} says, or no feature when it cannot tell (the store failed). */
  private static BundleFeatures current(Supplier<BundleFeatures> offered) {
    try {
      return offered.get();
    } catch (RuntimeException e) {
      return BundleFeatures.NONE;
    }
  }

  /** Whether a bundle that offers {@code offered} relays the notification {@code method}. */
  static boolean offers(BundleFeatures offered, String method) {
    switch (method) {
      case "notifications/message":
        return offered.logging();
      case "notifications/resources/updated":
      case "notifications/resources/list_changed":
        return offered.resources();
      case "notifications/prompts/list_changed":
        return offered.prompts();
      default:
        return true;
    }
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
