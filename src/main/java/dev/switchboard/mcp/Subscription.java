package dev.switchboard.mcp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One 2026-07-28 {@code subscriptions/listen} stream: the request's id is the subscription id, and
 * the filter the client asked for is narrowed to what this server delivers (only
 * {@code toolsListChanged}). The stream opens with {@code notifications/subscriptions/acknowledged}
 * carrying the honored filter and the id in {@code params._meta}; every notification on it carries
 * the id too, so that the client can route it (the TypeScript client 2.x waits for exactly this
 * acknowledgement before {@code listen()} resolves). With nothing honored the stream ends at once
 * with the listen request's empty result, the revision's graceful close. Immutable.
 */
public final class Subscription {
  static final String ID_KEY = "io.modelcontextprotocol/subscriptionId";
  private final JsonMapper json;
  private final JsonNode id;
  private final ObjectNode honored;
  private final ObjectNode serverInfo;

  Subscription(JsonMapper json, JsonNode id, JsonNode requested, ObjectNode serverInfo) {
    this.json = json;
    this.id = id;
    this.serverInfo = serverInfo;
    this.honored = json.createObjectNode();
    if (requested.path("toolsListChanged").asBoolean(false)) {
      honored.put("toolsListChanged", true);
    }
  }

  /** The first message of the stream. */
  public JsonNode acknowledgement() {
    ObjectNode params = json.createObjectNode();
    params.set("notifications", honored.deepCopy());
    return notification("notifications/subscriptions/acknowledged", params);
  }

  /** Whether anything will be delivered; when not, the stream ends after {@link #closing()}. */
  public boolean delivers() {
    return !honored.isEmpty();
  }

  /** The listen request's result, which ends the subscription gracefully. */
  public JsonNode closing() {
    ObjectNode result = json.createObjectNode();
    result.put("resultType", "complete");
    ObjectNode meta = result.putObject("_meta");
    meta.set(ID_KEY, id);
    meta.set(StatelessEra.SERVER_INFO, serverInfo);
    ObjectNode body = json.createObjectNode().put("jsonrpc", "2.0");
    body.set("id", id);
    body.set("result", result);
    return body;
  }

  /**
   * A sink that stamps the subscription id on what {@code stream} receives and, when closed (at
   * shutdown), sends {@link #closing()} before ending it.
   */
  public ListChangedBroker.Sink sink(ListChangedBroker.Sink stream) {
    return new ListChangedBroker.Sink() {
      @Override
      public boolean send(JsonNode message) {
        JsonNode params = message.path("params");
        return stream.send(notification(message.path("method").asString(),
            params.isObject() ? ((ObjectNode) params).deepCopy() : json.createObjectNode()));
      }

      @Override
      public void close() {
        stream.send(closing());
        stream.close();
      }
    };
  }

  private ObjectNode notification(String method, ObjectNode params) {
    ObjectNode meta = params.path("_meta").isObject() ? (ObjectNode) params.get("_meta") : params.putObject("_meta");
    meta.set(ID_KEY, id);
    ObjectNode body = json.createObjectNode().put("jsonrpc", "2.0").put("method", method);
    body.set("params", params);
    return body;
  }
}
