package dev.switchboard.upstream;

import dev.switchboard.provider.Provider;
import dev.switchboard.tool.Tool;
import dev.switchboard.upstream.internal.Budget;
import dev.switchboard.upstream.internal.CallResults;
import dev.switchboard.upstream.internal.Connector;
import dev.switchboard.upstream.internal.JsonRpc;
import dev.switchboard.upstream.internal.McpHttp;
import dev.switchboard.upstream.internal.McpWire;
import dev.switchboard.upstream.internal.RemoteEntry;
import dev.switchboard.upstream.internal.RemoteTools;
import dev.switchboard.upstream.internal.ToolPages;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Switchboard as an MCP client of the remote MCP servers registered as providers (DESIGN.md §3):
 * discovers their tools and forwards calls to them, over Streamable HTTP or, for servers that speak
 * only that, the legacy HTTP+SSE transport (docs/remote-mcp-providers.md). Every URL passes the
 * {@link OutboundGuard} and every connection goes to addresses it allowed; the caller's auth headers
 * are sent to the server's origin and nowhere else; each operation ends by its deadline and each
 * message is capped.
 *
 * <p>State is kept per cache key — the caller passes one per provider and credential, see
 * {@link #cacheKey}: the connection (MCP session, legacy event stream) until the key has been
 * unused for the TTL, {@link #forget} or {@link #close}; the tool list for the TTL after it was
 * fetched, or until the server sends {@code notifications/tools/list_changed}.
 *
 * <p>Thread safe. The HTTP client starts on first use; after {@link #close()} calls fail with
 * {@link IllegalStateException}.
 */
public final class RemoteMcp implements AutoCloseable {
  /** How long tool lists and unused connections are kept by default. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
  /** The largest JSON-RPC message accepted by default. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 5 * 1024 * 1024;
  /** How long a call may last at most, however often the server reports progress, by default. */
  public static final Duration DEFAULT_MAX_CALL = Duration.ofMinutes(10);

  private final Clock clock;
  private final Duration ttl;
  private final JsonRpc rpc;
  private final McpHttp http;
  private final Connector connector;
  private final Consumer<String> toolsChanged;
  private final Duration maxCall;
  private final UpstreamNotices notices;
  private final CurrentPeer peers;
  private final Map<String, RemoteEntry> entries = new ConcurrentHashMap<>();
  private final Map<String, Redactor> redactors = new ConcurrentHashMap<>();
  private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

  /** A client with the default TTL and message cap that tells nobody about changed tool lists. */
  public RemoteMcp(OutboundGuard guard, JsonMapper json, Clock clock) {
    this(guard, json, clock, DEFAULT_TTL, DEFAULT_MAX_MESSAGE_BYTES, key -> { });
  }

  /** A client with the default TTL, message cap and longest call. */
  public RemoteMcp(OutboundGuard guard, JsonMapper json, Clock clock, Duration ttl, int maxMessageBytes,
      Consumer<String> toolsChanged) {
    this(guard, json, clock, ttl, maxMessageBytes, toolsChanged, DEFAULT_MAX_CALL);
  }

  /**
   * A client with the default TTL and message cap, calls lasting at most {@code maxCall} (see
   * below), that relays server requests to the peer bound in {@code peers} and the server's
   * notifications to {@code notices}.
   */
  public RemoteMcp(OutboundGuard guard, JsonMapper json, Clock clock, Duration maxCall, CurrentPeer peers,
      UpstreamNotices notices) {
    this(guard, json, clock, DEFAULT_TTL, DEFAULT_MAX_MESSAGE_BYTES, key -> { }, maxCall, peers, notices);
  }

  /**
   * @param ttl how long a tool list is cached, and how long an unused connection is kept
   * @param maxMessageBytes the largest JSON-RPC message read from a server
   * @param toolsChanged told the cache key whenever a server announces a changed tool list (after the
   *     key's cached list was dropped); runs on a client thread and must not block
   * @param maxCall how long a tool call may last at most: each progress notification of the server
   *     gives the call its whole deadline again, up to this long after it started
   */
  public RemoteMcp(OutboundGuard guard, JsonMapper json, Clock clock, Duration ttl, int maxMessageBytes,
      Consumer<String> toolsChanged, Duration maxCall) {
    this(guard, json, clock, ttl, maxMessageBytes, toolsChanged, maxCall, new CurrentPeer(), UpstreamNotices.ignore());
  }

  private RemoteMcp(OutboundGuard guard, JsonMapper json, Clock clock, Duration ttl, int maxMessageBytes,
      Consumer<String> toolsChanged, Duration maxCall, CurrentPeer peers, UpstreamNotices notices) {
    this.maxCall = Objects.requireNonNull(maxCall, "maxCall");
    this.peers = Objects.requireNonNull(peers, "peers");
    this.notices = Objects.requireNonNull(notices, "notices");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.rpc = new JsonRpc(Objects.requireNonNull(json, "json"));
    this.http = new McpHttp(Objects.requireNonNull(guard, "guard"), clock);
    this.connector = new Connector(new McpWire(http, rpc, maxMessageBytes, Math.max(1, ttl.toMillis())));
    this.toolsChanged = Objects.requireNonNull(toolsChanged, "toolsChanged");
  }

  /** The cache key for a provider used with a credential ({@code null} or empty for none). */
  public static String cacheKey(String providerSlug, String credentialId) {
    return providerSlug + "/" + (credentialId == null ? "" : credentialId);
  }

  /**
   * Every tool of {@code provider}'s server (all pages), named {@code {provider}_{tool}}; cached.
   *
   * @param auth headers sent with every request to the server; may be empty
   * @throws RemoteMcpException when the server rejects the credential, fails, or breaks the protocol
   * @throws UpstreamUnavailableException when it cannot be reached by {@code deadline}
   * @throws OutboundBlockedException when the guard refuses its URL
   */
  public List<Tool> tools(Provider provider, List<Header> auth, String cacheKey, Instant deadline) {
    Redactor secrets = secretsOf(cacheKey, auth);
    try {
      RemoteEntry entry = entry(cacheKey, provider);
      Instant now = clock.instant();
      List<Tool> cached = entry.tools(now).orElse(null);
      if (cached != null) {
        return cached;
      }
      Budget budget = Budget.until(clock, deadline);
      return entry.withConnection(auth, budget, connection -> {
        long epoch = entry.epoch();
        List<JsonNode> listed = ToolPages.all(connection, entry.url(), rpc, auth, budget);
        List<Tool> tools = RemoteTools.of(provider.slug(), listed, secrets);
        entry.cache(tools, epoch, clock.instant().plus(ttl));
        return tools;
      });
    } catch (RemoteMcpException e) {
      throw e.withMessage(secrets.redact(e.getMessage()));
    }
  }

  /**
   * Calls tool {@code upstreamName} of {@code provider}'s server. Never throws for trouble with the
   * server: the result's outcome tells a rejected credential (HTTP 401/403) from a refused call (a
   * JSON-RPC error, or the tool's own {@code isError}) from an unavailable server (5xx, network,
   * timeout) from a URL the guard refuses. No text repeats an auth header value.
   *
   * @param arguments the tool's arguments, an object; null for none
   */
  public ToolResult call(Provider provider, List<Header> auth, String cacheKey, String upstreamName,
      JsonNode arguments, Instant deadline) {
    return call(provider, auth, cacheKey, upstreamName, arguments, deadline, CallContext.NO_PROGRESS);
  }

  /**
   * Calls the tool asking the server for progress: the {@code params} of each progress notification
   * go to {@code progress} (redacted; its {@code progressToken} is Switchboard's own, for the receiver
   * to replace), and each one gives the call its whole time again, up to the provider's longest call
   * ({@link Provider#maxCall}), else this client's, after it started. A caller that cancels interrupts the calling thread; the server
   * is then sent {@code notifications/cancelled}.
   */
  public ToolResult call(Provider provider, List<Header> auth, String cacheKey, String upstreamName,
      JsonNode arguments, Instant deadline, Consumer<JsonNode> progress) {
    Redactor secrets = secretsOf(cacheKey, auth);
    try {
      ObjectNode params = rpc.object();
      params.put("name", upstreamName);
      params.set("arguments", arguments == null || arguments.isNull() ? rpc.object() : arguments);
      Budget budget = Budget.extensible(clock, deadline, provider.maxCall().orElse(maxCall));
      Consumer<JsonNode> redacted = update -> progress.accept(secrets.redact(update));
      JsonNode result = entry(cacheKey, provider).withConnection(auth, budget,
          connection -> connection.request("tools/call", params, auth, budget, peer(secrets), redacted));
      return secrets.redact(CallResults.of(result));
    } catch (RemoteMcpException e) {
      return ToolResult.failure(e.outcome(), secrets.redact(e.getMessage()), e.status().orElse(null));
    } catch (UpstreamUnavailableException e) {
      return ToolResult.failure(e.outcome(), e.resultText(), null);
    } catch (OutboundBlockedException e) {
      return ToolResult.failure(Outcome.BLOCKED, e.getMessage(), null);
    }
  }

  /**
   * Sends any other request of the protocol (resources, prompts, completion, logging) to
   * {@code provider}'s server on the connection kept for {@code cacheKey}, on behalf of the peer
   * bound in {@link CurrentPeer}, and returns its result. No text repeats an auth header value.
   *
   * @throws RemoteMcpException when the server rejects the credential, refuses the request (a
   *     JSON-RPC error) or breaks the protocol
   * @throws UpstreamUnavailableException when it cannot be reached by {@code deadline}
   * @throws OutboundBlockedException when the guard refuses its URL
   */
  public JsonNode request(Provider provider, List<Header> auth, String cacheKey, String method, JsonNode params,
      Instant deadline) {
    Redactor secrets = secretsOf(cacheKey, auth);
    try {
      Budget budget = Budget.until(clock, deadline);
      JsonNode result = entry(cacheKey, provider).withConnection(auth, budget,
          connection -> connection.request(method, params, auth, budget, peer(secrets)));
      return secrets.redact(result);
    } catch (RemoteMcpException e) {
      throw e.withMessage(secrets.redact(e.getMessage()));
    }
  }

  /**
   * What must never leave this client for {@code cacheKey}'s connection: the auth header values. Kept
   * per key, so that what the server sends outside a call's answer (notifications relayed to
   * clients, its requests to the client) is redacted too.
   */
  private Redactor secretsOf(String cacheKey, List<Header> auth) {
    Redactor secrets = Redactor.builder().headers(auth).build();
    redactors.put(cacheKey, secrets);
    return secrets;
  }

  /** The client bound to this thread, if any, seeing the server's requests with secrets redacted. */
  private ClientPeer peer(Redactor secrets) {
    return peers.get().<ClientPeer>map(client -> (method, params) -> client.ask(method, secrets.redact(params)))
        .orElse(null);
  }

  /** A notice of {@code cacheKey}'s server, redacted; dropped when no call told the secrets yet. */
  private void relay(String cacheKey, JsonNode message) {
    Redactor secrets = redactors.get(cacheKey);
    if (secrets != null) {
      notices.received(cacheKey, secrets.redact(message));
    }
  }

  /** Drops the tool list and closes the connection kept for {@code cacheKey}. */
  public void forget(String cacheKey) {
    redactors.remove(cacheKey);
    RemoteEntry entry = entries.remove(cacheKey);
    if (entry != null) {
      entry.close();
    }
  }

  /** Closes every connection and stops the HTTP client. */
  @Override
  public void close() {
    entries.keySet().forEach(this::forget);
    http.close();
  }

  /** The entry for {@code key}, new when the provider's URL changed. */
  private RemoteEntry entry(String key, Provider provider) {
    Instant now = clock.instant();
    URI url = http.guard().check(Objects.requireNonNull(provider.mcpUrl(), "the provider has no MCP URL"));
    sweep(now);
    RemoteEntry[] replaced = new RemoteEntry[1];
    RemoteEntry entry = entries.compute(key, (k, old) -> {
      if (old != null && old.url().equals(url)) {
        return old;
      }
      replaced[0] = old;
      return new RemoteEntry(url, connector, () -> toolsChanged.accept(key),
          message -> relay(key, message), now);
    });
    if (replaced[0] != null) {
      replaced[0].close();
    }
    entry.touch(now);
    return entry;
  }

  /** Closes the entries unused for the TTL; looks at most every tenth of the TTL. */
  private void sweep(Instant now) {
    Instant due = nextSweep.get();
    if (now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(ttl.dividedBy(10)))) {
      return;
    }
    entries.forEach((key, entry) -> {
      if (entry.unusedSince(now.minus(ttl)) && entries.remove(key, entry)) {
        entry.close();
      }
    });
  }
}
