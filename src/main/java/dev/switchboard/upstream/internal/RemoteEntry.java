package dev.switchboard.upstream.internal;

import dev.switchboard.tool.Tool;
import dev.switchboard.upstream.Header;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * What is kept for one cache key (provider + credential): the connection to the server and its tool
 * list. One caller at a time connects; the others wait within their own deadlines. A
 * {@code notifications/tools/list_changed} bumps the epoch, which makes a cached list — and a list
 * being fetched while it arrived — stale. Thread safe.
 */
public final class RemoteEntry {
  private final URI url;
  private final Connector connector;
  private final Runnable onToolsChanged;
  private final Consumer<JsonNode> notices;
  private final ReentrantLock connecting = new ReentrantLock();
  private final AtomicLong epoch = new AtomicLong();
  private volatile McpConnection connection;
  private volatile Instant lastUsed;
  private volatile CachedTools cached;

  private record CachedTools(List<Tool> tools, long epoch, Instant expiresAt) {}

  /** {@code notices}: what gets the server's relayed notifications ({@code UpstreamNotices}). */
  public RemoteEntry(URI url, Connector connector, Runnable onToolsChanged, Consumer<JsonNode> notices,
      Instant now) {
    this.url = url;
    this.connector = connector;
    this.onToolsChanged = onToolsChanged;
    this.notices = notices;
    this.lastUsed = now;
  }

  public URI url() {
    return url;
  }

  public void touch(Instant now) {
    lastUsed = now;
  }

  /** Whether nobody has used this entry since {@code cutoff}. */
  public boolean unusedSince(Instant cutoff) {
    return lastUsed.isBefore(cutoff);
  }

  /** The cached tool list, unless it expired or the server announced a change since it was fetched. */
  public Optional<List<Tool>> tools(Instant now) {
    CachedTools current = cached;
    return current != null && now.isBefore(current.expiresAt()) && current.epoch() == epoch.get()
        ? Optional.of(current.tools()) : Optional.empty();
  }

  /** The current epoch: read it before fetching a list, then {@link #cache} with it. */
  public long epoch() {
    return epoch.get();
  }

  public void cache(List<Tool> tools, long fetchedInEpoch, Instant expiresAt) {
    cached = new CachedTools(List.copyOf(tools), fetchedInEpoch, expiresAt);
  }

  /**
   * Runs {@code operation} on the connection, connecting first when there is none; when the server
   * no longer knows the session, connects again once and repeats it.
   */
  public <T> T withConnection(List<Header> auth, Budget budget, Function<McpConnection, T> operation) {
    McpConnection used = connection(auth, budget, null);
    try {
      return operation.apply(used);
    } catch (SessionExpiredException e) {
      McpConnection fresh = connection(auth, budget, used);
      try {
        return operation.apply(fresh);
      } catch (SessionExpiredException again) {
        throw again.failure();
      }
    }
  }

  /** Closes the connection; the entry may connect again if it is used afterwards. */
  public void close() {
    McpConnection open = connection;
    connection = null;
    if (open != null) {
      open.close();
    }
  }

  private McpConnection connection(List<Header> auth, Budget budget, McpConnection stale) {
    lock(budget);
    try {
      McpConnection current = connection;
      if (current != null && current != stale && current.isOpen()) {
        return current;
      }
      if (current != null) {
        current.close();
        connection = null;
      }
      McpConnection fresh = connector.connect(url, auth, this::toolsChanged, notices, budget);
      connection = fresh;
      return fresh;
    } finally {
      connecting.unlock();
    }
  }

  private void toolsChanged() {
    epoch.incrementAndGet();
    onToolsChanged.run();
  }

  private void lock(Budget budget) {
    try {
      if (!connecting.tryLock(Math.max(0, budget.leftMillis()), TimeUnit.MILLISECONDS)) {
        throw budget.timedOut(url);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw budget.timedOut(url);
    }
  }
}
