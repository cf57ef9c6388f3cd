package dev.switchboard.mcp;

import dev.switchboard.store.Ids;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The GET streams of the sessions open on this instance, by session id, and the requests relayed
 * to their clients (docs/mcp.md, "Relayed server requests"): a request goes out on the session's
 * stream with an id of Switchboard's own, and the client's answer — a POST of a JSON-RPC response
 * to the same endpoint — completes it. A session without a stream here gets its requests refused.
 * Thread safe.
 */
public final class ClientStreams {
  private static final String ID_PREFIX = "sb-relay-";
  private final Map<String, ListChangedBroker.Sink> bySession = new ConcurrentHashMap<>();
  private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
  private final JsonMapper json;
  private final Duration answerTimeout;

  /** {@code answerTimeout}: how long a client may take to answer a relayed request. */
  public ClientStreams(JsonMapper json, Duration answerTimeout) {
    this.json = json;
    this.answerTimeout = answerTimeout;
  }

  /** The GET stream of {@code sessionId} opened here. */
  public void open(String sessionId, ListChangedBroker.Sink sink) {
    bySession.put(sessionId, sink);
  }

  public void close(String sessionId, ListChangedBroker.Sink sink) {
    bySession.remove(sessionId, sink);
  }

  /** Sends a notification on the session's stream; false when there is none here. */
  boolean notify(String sessionId, JsonNode message) {
    ListChangedBroker.Sink sink = bySession.get(sessionId);
    return sink != null && sink.send(message);
  }

  /**
   * Relays request {@code method} to the client of {@code sessionId} and waits for its answer.
   *
   * @return an object holding the answer's {@code result} or {@code error}
   */
  JsonNode ask(String sessionId, String method, JsonNode params) {
    ListChangedBroker.Sink sink = bySession.get(sessionId);
    if (sink == null) {
      return error(McpError.INTERNAL_ERROR, "the client has no open stream on which Switchboard could relay "
          + method + " (open the GET stream of the session)");
    }
    String id = ID_PREFIX + Ids.random(12);
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    waiting.put(id, new Waiting(sessionId, answer));
    try {
      ObjectNode request = json.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
      request.set("params", params);
      if (!sink.send(request)) {
        return error(McpError.INTERNAL_ERROR, "the client's stream closed before " + method + " could be relayed");
      }
      JsonNode message = answer.get(answerTimeout.toMillis(), TimeUnit.MILLISECONDS);
      ObjectNode out = json.createObjectNode();
      if (message.has("result")) {
        out.set("result", message.get("result"));
      } else {
        out.set("error", message.get("error"));
      }
      return out;
    } catch (TimeoutException e) {
      return error(McpError.INTERNAL_ERROR, "the client did not answer " + method + " within "
          + answerTimeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return error(McpError.INTERNAL_ERROR, "the relay of " + method + " was cancelled");
    } catch (ExecutionException e) {
      return error(McpError.INTERNAL_ERROR, "the relay of " + method + " failed");
    } finally {
      waiting.remove(id);
    }
  }

  /**
   * A JSON-RPC response from the client of {@code sessionId} (a live session of the caller, checked
   * by the server): completes the relayed request it answers, if one is waiting <em>for that
   * session</em>. An answer from another session or user, or from no session, with the same id is
   * ignored: it never reaches the upstream server.
   *
   * @return whether a waiting request took the answer
   */
  boolean answered(String sessionId, JsonNode message) {
    JsonNode id = message.path("id");
    Waiting pending = id.isString() && sessionId != null ? waiting.get(id.asString()) : null;
    if (pending == null || !pending.sessionId().equals(sessionId)) {
      return false;
    }
    return pending.answer().complete(message);
  }

  /** A relayed request waiting for the answer of the client of {@code sessionId}. */
  private record Waiting(String sessionId, CompletableFuture<JsonNode> answer) {}

  private JsonNode error(int code, String message) {
    ObjectNode out = json.createObjectNode();
    out.putObject("error").put("code", code).put("message", message);
    return out;
  }
}
