package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.ClientPeer;
import dev.switchboard.upstream.Header;
import dev.switchboard.upstream.RemoteMcpException;
import dev.switchboard.upstream.UpstreamUnavailableException;
import dev.switchboard.upstream.UpstreamUnavailableException.Failure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client connection over the legacy HTTP+SSE transport (MCP 2024-11-05): one long-lived GET event
 * stream whose first event, {@code endpoint}, names the URL to POST messages to; the answers come
 * back on the stream as {@code message} events. The stream stays open while the connection is kept;
 * once it ends the connection is closed and the next call connects again. Thread safe.
 */
final class LegacySseConnection implements McpConnection {
  private static final int MAX_REDIRECTS = 3;
  private static final List<Header> POST_HEADERS =
      List.of(new Header("Accept", "application/json, text/event-stream"));

  private final McpWire wire;
  private final Inbox inbox;
  private final OpenExchange stream;
  private final URI endpoint;
  private final AtomicLong ids = new AtomicLong();
  private volatile List<Header> auth;
  private volatile boolean closed;
  private final ServerRequests serverRequests;

  private LegacySseConnection(McpWire wire, Inbox inbox, OpenExchange stream, URI endpoint,
      List<Header> auth) {
    this.wire = wire;
    this.inbox = inbox;
    this.stream = stream;
    this.endpoint = endpoint;
    this.auth = auth;
    this.serverRequests = new ServerRequests(wire.rpc());
    inbox.answerServerRequestsWith(this::answer);
  }

  /**
   * Opens the event stream at {@code url} (following same-origin redirects) and waits for its
   * {@code endpoint} event.
   *
   * @return empty when there is no legacy event stream at {@code url}
   * @throws RemoteMcpException when the server rejects the credential (401/403) or names an
   *     endpoint on another origin
   */
  static Optional<LegacySseConnection> open(McpWire wire, URI url, List<Header> auth,
      Runnable toolsChanged, Consumer<JsonNode> notices, Budget budget) {
    Inbox inbox = new Inbox(wire.rpc().json(), toolsChanged, notices);
    CompletableFuture<String> named = new CompletableFuture<>();
    Consumer<SseEvent> events = event -> {
      if (event.type().equals("endpoint")) {
        named.complete(event.data());
      } else {
        inbox.onEvent(event);
      }
    };
    URI at = url;
    for (int redirects = 0; ; redirects++) {
      List<Header> accept = List.of(new Header("Accept", "text/event-stream"));
      OpenExchange stream = wire.http().send(wire.bodiless("GET", at, auth, accept, budget.deadline()),
          events, wire.streamIdleMillis());
      ResponseHead head = stream.head(budget);
      if (head.isSuccess() && head.isEventStream()) {
        return endpoint(wire, inbox, stream, named, auth, budget);
      }
      byte[] said = stream.bodyOrEmpty(budget);
      stream.abort();
      if (head.status() == 401 || head.status() == 403) {
        throw McpStatus.failure("the event stream", head, said, wire.rpc().json());
      }
      Optional<URI> target = redirects < MAX_REDIRECTS
          ? Origins.redirect(at, head, false, wire.http().guard()) : Optional.empty();
      if (target.isEmpty()) {
        return Optional.empty();
      }
      at = target.get();
    }
  }

  private static Optional<LegacySseConnection> endpoint(McpWire wire, Inbox inbox, OpenExchange stream,
      CompletableFuture<String> named, List<Header> auth, Budget budget) {
    try {
      stream.await(CompletableFuture.anyOf(named, stream.ended()), budget);
      if (!named.isDone()) {
        return Optional.empty();
      }
      URI endpoint = LegacyUrls.endpoint(stream.uri(), named.join(), wire.http().guard());
      return Optional.of(new LegacySseConnection(wire, inbox, stream, endpoint, auth));
    } catch (RuntimeException e) {
      stream.abort();
      throw e;
    }
  }

  @Override
  public JsonNode request(String method, JsonNode params, List<Header> auth, Budget budget, ClientPeer peer) {
    long id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = inbox.expect(id);
    serverRequests.running(id, peer);
    try {
      post(method, wire.rpc().request(id, method, params), auth, budget);
      budget.await(CompletableFuture.anyOf(answer, stream.ended()), endpoint);
      if (!answer.isDone()) {
        throw new UpstreamUnavailableException(Failure.BROKEN, "the MCP server at "
            + Failures.target(endpoint) + " closed its event stream before answering " + method);
      }
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
      wire.http().send(wire.post(endpoint, wire.rpc().cancelled(id, "cancelled by the client"), auth,
          POST_HEADERS, wire.soon()), event -> { }, 0).abortAfter(2_000);
    } catch (RuntimeException e) {
      // Best effort: the server finishes the request and its answer is dropped.
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void notify(String method, List<Header> auth, Budget budget) {
    post(method, wire.rpc().notification(method), auth, budget);
  }

  @Override
  public void negotiated(String protocolVersion) {
    // The legacy transport carries no version header.
  }

  @Override
  public boolean isOpen() {
    return !closed && !stream.ended().isDone();
  }

  @Override
  public void close() {
    closed = true;
    stream.abort();
  }

  /** POSTs one message; the server accepts it (202) and answers on the stream. */
  private void post(String method, byte[] body, List<Header> auth, Budget budget) {
    this.auth = auth;
    OpenExchange exchange = wire.http().send(
        wire.post(endpoint, body, auth, POST_HEADERS, budget.deadline()), inbox::onEvent, 0);
    ResponseHead head = exchange.head(budget);
    if (head.isSuccess() && head.isEventStream()) {
      exchange.abortAfter(budget.leftMillis());
      return;
    }
    byte[] said = exchange.bodyOrEmpty(budget);
    if (head.isSuccess()) {
      if (head.isJson()) {
        inbox.accept(new String(said, StandardCharsets.UTF_8));
      }
      return;
    }
    RemoteMcpException failure = McpStatus.failure(method, head, said, wire.rpc().json());
    if (head.status() == 404 || head.status() == 410) {
      close();
      throw new SessionExpiredException(failure);
    }
    throw failure;
  }

  /** Answers a request the server sent on the stream ({@link ServerRequests}); nobody waits. */
  private void answer(JsonNode serverRequest, Long related) {
    if (closed) {
      return;
    }
    serverRequests.answer(serverRequest, related, body -> {
      try {
        wire.http().send(wire.post(endpoint, body, auth, POST_HEADERS, wire.soon()), event -> { }, 0)
            .abortAfter(2_000);
      } catch (RuntimeException e) {
        // Best effort: the server's request times out on its side.
      }
    });
  }
}
