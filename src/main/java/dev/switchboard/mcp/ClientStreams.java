package dev.switchboard.mcp;

import dev.switchboard.vault.Digests;
import dev.switchboard.vault.Signer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The GET streams of the sessions open on this instance, by session id, and the requests relayed
 * to their clients (docs/mcp.md, "Relayed server requests"): a request goes out on the session's
 * stream with an id of Switchboard's own, and the client's answer — a POST of a JSON-RPC response
 * to the same endpoint — completes it. What is meant for a session without a stream here goes to
 * the other instances ({@link OtherInstances}): refused when there are none. The ids are bound to
 * their session by a MAC ({@link RelayIds}), so an answer under an id not issued to the session
 * that POSTs it is dropped here and never reaches the other instances. Thread safe.
 */
public final class ClientStreams {
  private static final Logger LOG = LoggerFactory.getLogger(ClientStreams.class);
  /** How long a relay id outlives the wait for its answer. */
  static final Duration ID_SLACK = Duration.ofMinutes(1);
  private final Map<String, ListChangedBroker.Sink> bySession = new ConcurrentHashMap<>();
  private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
  /** The sessions of the streams open here by the hash other instances know them by. */
  private final Map<String, String> sessionByHash = new ConcurrentHashMap<>();
  private final JsonMapper json;
  private final Duration answerTimeout;
  private final RelayIds ids;
  private final OtherInstances elsewhere;

  /**
   * {@code answerTimeout}: how long a client may take to answer a relayed request; {@code signer}:
   * the installation's signing key, shared by every instance, that binds relay ids to their session;
   * {@code elsewhere}: where what is meant for a stream not open here goes.
   */
  public ClientStreams(JsonMapper json, Duration answerTimeout, Signer signer, OtherInstances elsewhere) {
    this(json, answerTimeout, signer, elsewhere, Clock.systemUTC());
  }

  /**
   * As above, with the {@code clock} relay ids expire by: an id is void {@link #ID_SLACK} after its
   * request stopped waiting (the slack covers clocks of instances that differ a little).
   */
  ClientStreams(JsonMapper json, Duration answerTimeout, Signer signer, OtherInstances elsewhere, Clock clock) {
    this.json = json;
    this.answerTimeout = answerTimeout;
    this.ids = new RelayIds(signer, clock, answerTimeout.plus(ID_SLACK));
    this.elsewhere = elsewhere;
  }

  /** The GET stream of {@code sessionId} opened here. */
  public void open(String sessionId, ListChangedBroker.Sink sink) {
    bySession.put(sessionId, sink);
    sessionByHash.put(Digests.sha256Hex(sessionId), sessionId);
  }

  public void close(String sessionId, ListChangedBroker.Sink sink) {
    if (bySession.remove(sessionId, sink)) {
      sessionByHash.remove(Digests.sha256Hex(sessionId), sessionId);
    }
  }

  /** Sends a notification on the session's stream, here or on another instance; false when it cannot. */
  boolean notify(String sessionId, JsonNode message) {
    ListChangedBroker.Sink sink = bySession.get(sessionId);
    return sink != null ? sink.send(message) : elsewhere.notify(sessionId, message);
  }

  /** A message from another instance about relays (docs/mcp.md, "Several instances"). */
  public void fromOtherInstance(String message) {
    elsewhere.received(message, this);
  }

  /** Whether the stream of the session whose id hashes to {@code sessionHash} is open here. */
  boolean holds(String sessionHash) {
    return sessionByHash.containsKey(sessionHash);
  }

  /** Sends a message handed over by another instance on the stream of the session hashed so. */
  boolean sendHashed(String sessionHash, JsonNode message) {
    String sessionId = sessionByHash.get(sessionHash);
    ListChangedBroker.Sink sink = sessionId == null ? null : bySession.get(sessionId);
    return sink != null && sink.send(message);
  }

  /** The session relayed request {@code relayId} waits here for, if it does. */
  Optional<String> waitingFor(String relayId) {
    return Optional.ofNullable(waiting.get(relayId)).map(Waiting::sessionId);
  }

  /**
   * Relays request {@code method} to the client of {@code sessionId} over its GET stream and waits
   * for its answer.
   *
   * @return an object holding the answer's {@code result} or {@code error}
   */
  JsonNode ask(String sessionId, String method, JsonNode params) {
    return ask(sessionId, method, params, null);
  }

  /**
   * Relays request {@code method} to the client of {@code sessionId} and waits for its answer: over
   * the session's GET stream, here or on another instance; when it has none anywhere, over
   * {@code requestStream}, the event-stream answer of the client request the relayed one serves
   * (null: none) — which also covers a client that sends its request before its GET stream is open.
   *
   * @return an object holding the answer's {@code result} or {@code error}
   */
  JsonNode ask(String sessionId, String method, JsonNode params, Consumer<JsonNode> requestStream) {
    ListChangedBroker.Sink sink = bySession.get(sessionId);
    String id = ids.issue(sessionId);
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    waiting.put(id, new Waiting(sessionId, answer));
    try {
      ObjectNode request = json.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
      request.set("params", params);
      if (sink == null) {
        Optional<String> refused = elsewhere.ask(sessionId, id, request);
        if (refused.isPresent() && requestStream == null) {
          return error(McpError.INTERNAL_ERROR, refused.get());
        }
        if (refused.isPresent()) {
          requestStream.accept(request);
        }
      } else if (!sink.send(request)) {
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
      if (sink == null) {
        elsewhere.done(id);
      }
    }
  }

  /**
   * A JSON-RPC response from the client of {@code sessionId} (a live session of the caller, checked
   * by the server): completes the relayed request it answers, if one is waiting <em>for that
   * session</em>. An answer from another session or user, or from no session, with the same id is
   * ignored: it never reaches the upstream server. An answer to a relayed request this instance
   * does not wait for goes to the other instances, where only the same session's request takes it;
   * one whose relay id was not issued to {@code sessionId} (forged, altered, another session's) is
   * dropped at once, whether or not a request waits for it.
   *
   * @return whether a waiting request took the answer, or it was handed to the other instances
   */
  boolean answered(String sessionId, JsonNode message) {
    JsonNode id = message.path("id");
    if (!id.isString() || sessionId == null) {
      return false;
    }
    if (id.asString().startsWith(RelayIds.PREFIX) && !ids.issuedTo(sessionId, id.asString())) {
      // never published nor stored: the body stays out of the log
      LOG.debug("dropped a JSON-RPC response whose relay id was not issued to the session that sent it");
      return false;
    }
    Waiting pending = waiting.get(id.asString());
    if (pending == null && id.asString().startsWith(RelayIds.PREFIX)) {
      elsewhere.answered(sessionId, id.asString(), message);
      return true;
    }
    return pending != null && taken(sessionId, message);
  }

  /** Completes the request waiting here that {@code message} answers, if it waits for {@code sessionId}. */
  boolean taken(String sessionId, JsonNode message) {
    Waiting pending = waiting.get(message.path("id").asString(""));
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
