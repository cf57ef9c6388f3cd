package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.ClientPeer;
import dev.switchboard.upstream.Header;
import dev.switchboard.upstream.HttpCall;
import dev.switchboard.upstream.RemoteMcpException;
import dev.switchboard.upstream.UpstreamUnavailableException;
import dev.switchboard.upstream.UpstreamUnavailableException.Failure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client connection over Streamable HTTP (MCP 2025-11-25, "Transports"): every message is a POST
 * to the endpoint accepting {@code application/json} and {@code text/event-stream}; the answer is a
 * JSON body, or an event stream that carries it (perhaps after notifications and server requests).
 * After {@code initialize} it sends {@code MCP-Protocol-Version} and, when the server gave one,
 * {@code Mcp-Session-Id}. A stream that ends before the answer is resumed with a GET carrying
 * {@code Last-Event-ID} ("Resumability and Redelivery"). {@code initialize} follows same-origin
 * 307/308 redirects, and the endpoint stays where it answered. Thread safe.
 */
final class StreamableConnection implements McpConnection {
  private static final long GRACE_MILLIS = 2_000;
  private static final int MAX_RESUMES = 5;
  private static final int MAX_REDIRECTS = 3;
  private static final String ACCEPT = "application/json, text/event-stream";
  /** MCP 2025-11-25: a session id is visible ASCII only. */
  private static final Pattern SESSION_ID = Pattern.compile("[\\x21-\\x7E]{1,1024}");

  private final McpWire wire;
  private final Inbox inbox;
  private final AtomicLong ids = new AtomicLong();
  private volatile URI endpoint;
  private volatile String sessionId;
  private volatile String protocolVersion;
  private volatile List<Header> auth = List.of();
  private volatile boolean closed;
  private final ServerRequests serverRequests;
  private volatile OpenExchange listening;
  private volatile boolean noStream;

  StreamableConnection(McpWire wire, URI endpoint, Runnable toolsChanged, Consumer<JsonNode> notices) {
    this.wire = wire;
    this.endpoint = endpoint;
    this.inbox = new Inbox(wire.rpc().json(), toolsChanged, notices);
    this.serverRequests = new ServerRequests(wire.rpc());
    inbox.answerServerRequestsWith(this::answer);
  }

  @Override
  public JsonNode request(String method, JsonNode params, List<Header> auth, Budget budget, ClientPeer peer) {
    this.auth = auth;
    long id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = inbox.expect(id);
    serverRequests.running(id, peer);
    try {
      listen(method, auth);
      Posted posted = post(method, id, wire.rpc().request(id, method, params), auth, budget);
      await(method, posted, answer, auth, budget);
      return JsonRpc.result(method, answer.join());
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        cancel(id);
      }
      throw e;
    } finally {
      serverRequests.done(id);
      inbox.forget(id);
    }
  }

  /**
   * Opens the GET stream of the session once initialized (MCP 2025-11-25, "Listening for Messages
   * from the Server"), again when it ended: the server's log messages, resource updates and
   * requests of its own come on it. Without waiting; a server without one (405) is fine.
   */
  private void listen(String method, List<Header> auth) {
    OpenExchange open = listening;
    if (protocolVersion == null || method.equals("initialize") || closed || noStream
        || (open != null && !open.ended().isDone())) {
      return;
    }
    if (open != null && open.headNow().filter(head -> !head.isSuccess()).isPresent()) {
      noStream = true;
      return;
    }
    synchronized (this) {
      if (listening != open) {
        return;
      }
      try {
        listening = wire.http().send(wire.bodiless("GET", endpoint, auth,
            headers(sessionId, "text/event-stream", null), wire.soon()), inbox::onEvent, wire.streamIdleMillis());
      } catch (RuntimeException e) {
        // no stream of its own: the server's messages then come only on the streams of requests
      }
    }
  }

  @Override
  public JsonNode request(String method, ObjectNode params, List<Header> auth, Budget budget, ClientPeer peer,
      Consumer<JsonNode> progress) {
    return ProgressTokens.request(inbox, "switchboard-progress-" + ids.incrementAndGet(), params, budget, progress,
        asked -> request(method, asked, auth, budget, peer));
  }

  /** Tells the server the caller gave up on request {@code id}, without waiting. */
  private void cancel(long id) {
    boolean interrupted = Thread.interrupted();
    try {
      sendAndForget(wire.post(endpoint, wire.rpc().cancelled(id, "cancelled by the client"), auth,
          headers(sessionId, ACCEPT, null), wire.soon()));
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void notify(String method, List<Header> auth, Budget budget) {
    this.auth = auth;
    post(method, -1, wire.rpc().notification(method), auth, budget).exchange().abortAfter(GRACE_MILLIS);
  }

  @Override
  public void negotiated(String version) {
    protocolVersion = version;
  }

  @Override
  public boolean isOpen() {
    return !closed;
  }

  /** Ends the session with a DELETE (MCP 2025-11-25, "Session Management"), without waiting. */
  @Override
  public void close() {
    closed = true;
    OpenExchange open = listening;
    if (open != null) {
      open.abort();
    }
    String session = sessionId;
    if (session != null) {
      sendAndForget(wire.bodiless("DELETE", endpoint, auth, headers(session, ACCEPT, null), wire.soon()));
    }
  }

  private Posted post(String method, long id, byte[] body, List<Header> auth, Budget budget) {
    boolean initialize = method.equals("initialize");
    for (int redirects = 0; ; redirects++) {
      String session = sessionId;
      HttpCall call = wire.post(endpoint, body, auth, headers(session, ACCEPT, null), budget.deadline());
      OpenExchange exchange = wire.http().send(call, inbox.eventsOf(id), 0);
      ResponseHead head = exchange.head(budget);
      if (head.isSuccess()) {
        if (initialize) {
          head.header("Mcp-Session-Id").ifPresent(this::startSession);
        }
        return new Posted(exchange, head);
      }
      byte[] said = exchange.bodyOrEmpty(budget);
      Optional<URI> target = initialize && redirects < MAX_REDIRECTS
          ? Origins.redirect(endpoint, head, true, wire.http().guard()) : Optional.empty();
      if (target.isPresent()) {
        endpoint = target.get();
        continue;
      }
      RemoteMcpException failure = McpStatus.failure(method, head, said, wire.rpc().json());
      // 404 is the specified answer for an ended session; some servers answer 400
      // (docs/remote-mcp-providers.md).
      if (session != null && (head.status() == 404 || head.status() == 400)) {
        throw new SessionExpiredException(failure);
      }
      if (initialize && (head.status() == 400 || head.status() == 404 || head.status() == 405)) {
        throw new NotStreamableException(failure);
      }
      throw failure;
    }
  }

  private void await(String method, Posted posted, CompletableFuture<JsonNode> answer,
      List<Header> auth, Budget budget) {
    OpenExchange exchange = posted.exchange();
    if (!posted.head().isEventStream()) {
      inbox.accept(new String(exchange.body(budget), StandardCharsets.UTF_8));
      if (!answer.isDone()) {
        throw RemoteMcpException.protocol("the MCP server at " + Failures.target(endpoint)
            + " answered " + method + " without a JSON-RPC response");
      }
      return;
    }
    for (int resumes = 0; ; resumes++) {
      exchange.await(CompletableFuture.anyOf(answer, exchange.ended()), budget);
      if (answer.isDone()) {
        exchange.abortAfter(GRACE_MILLIS);
        return;
      }
      String lastEventId = exchange.lastEventId();
      if (lastEventId.isEmpty() || resumes == MAX_RESUMES) {
        throw RemoteMcpException.protocol("the MCP server at " + Failures.target(endpoint)
            + " closed the stream before answering " + method);
      }
      pause(exchange.retryMillis(), budget);
      exchange = resume(method, lastEventId, auth, budget);
    }
  }

  /** GET with {@code Last-Event-ID}: the server replays what the ended stream did not deliver. */
  private OpenExchange resume(String method, String lastEventId, List<Header> auth, Budget budget) {
    OpenExchange exchange = wire.http().send(wire.bodiless("GET", endpoint, auth,
        headers(sessionId, "text/event-stream", lastEventId), budget.deadline()), inbox::onEvent, 0);
    ResponseHead head = exchange.head(budget);
    if (head.isSuccess() && head.isEventStream()) {
      return exchange;
    }
    byte[] said = exchange.bodyOrEmpty(budget);
    throw head.isSuccess()
        ? RemoteMcpException.protocol("the MCP server at " + Failures.target(endpoint)
            + " did not resume the stream of " + method)
        : McpStatus.failure(method, head, said, wire.rpc().json());
  }

  private void pause(long retryMillis, Budget budget) {
    long wait = Math.max(0, retryMillis);
    if (wait >= budget.leftMillis()) {
      throw budget.timedOut(endpoint);
    }
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamUnavailableException(Failure.BROKEN,
          "the request to " + Failures.target(endpoint) + " was interrupted");
    }
  }

  private void startSession(String id) {
    if (!SESSION_ID.matcher(id).matches()) {
      throw RemoteMcpException.protocol("the MCP server at " + Failures.target(endpoint)
          + " gave a session id that is not visible ASCII");
    }
    sessionId = id;
  }

  /** Answers a request the server sent on a stream ({@link ServerRequests}); nobody waits. */
  private void answer(JsonNode serverRequest, Long related) {
    if (!closed) {
      serverRequests.answer(serverRequest, related, body -> {
        if (!closed) {
          sendAndForget(wire.post(endpoint, body, auth, headers(sessionId, ACCEPT, null), wire.soon()));
        }
      });
    }
  }

  private void sendAndForget(HttpCall call) {
    try {
      wire.http().send(call, event -> { }, 0).abortAfter(GRACE_MILLIS);
    } catch (RuntimeException e) {
      // Best effort: the client may be closing, and the server ends abandoned sessions itself.
    }
  }

  private List<Header> headers(String session, String accept, String lastEventId) {
    List<Header> headers = new ArrayList<>(4);
    headers.add(new Header("Accept", accept));
    if (protocolVersion != null) {
      headers.add(new Header("MCP-Protocol-Version", protocolVersion));
    }
    if (session != null) {
      headers.add(new Header("Mcp-Session-Id", session));
    }
    if (lastEventId != null) {
      headers.add(new Header("Last-Event-ID", lastEventId));
    }
    return headers;
  }
}
