package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.UpstreamUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Access tokens the gateway got itself (client credentials, JWT grants), kept in memory until {@code margin}
 * before they expire (CONVENTIONS.md §7: injected clock, explicit margin); a token living no longer than the
 * margin is kept for half its lifetime instead. Calls that need a token for the same key while it is being
 * fetched share that one fetch, its token or its failure ("refreshed exactly once"); a failed fetch caches
 * nothing, and nobody waits past their call's deadline. A token the upstream rejected is {@link #forget forgotten}.
 * Keys are digests of the client's identity, never a secret. Thread safe.
 */
final class GrantedTokens {
  /** A token whose answer gave no {@code expires_in} is kept this long. */
  static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
  private static final int MAX_ENTRIES = 10_000;
  private final Clock clock;
  private final Duration margin;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  /** Fetches under way, by key; an entry lives only while its fetch runs. */
  private final Map<String, CompletableFuture<String>> inFlight = new ConcurrentHashMap<>();

  GrantedTokens(Clock clock, Duration margin) {
    this.clock = clock;
    this.margin = margin;
  }

  /** A token fetched from a token endpoint, with its lifetime in seconds when the answer gave one. */
  record Fetched(String accessToken, Long expiresIn) {
    @Override
    public String toString() {
      return "Fetched[expiresIn=" + expiresIn + "]";
    }
  }

  private record Cached(String accessToken, Instant renewAt, Instant expiresAt) {
    @Override
    public String toString() {
      return "Cached[" + renewAt + "]";
    }
  }

  /**
   * The cached token for {@code key}, or the one {@code fetch} gets (once, however many callers wait).
   *
   * @param deadline the call's deadline (null for none): given to {@code fetch}, and the longest a caller waits for
   *     another's fetch
   * @throws UpstreamUnavailableException {@code TIMEOUT} when the deadline passes while waiting
   */
  String token(String key, Instant deadline, Function<Instant, Fetched> fetch) {
    Cached cached = fresh(key);
    if (cached != null) {
      return cached.accessToken();
    }
    CompletableFuture<String> mine = new CompletableFuture<>();
    CompletableFuture<String> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      return await(running, deadline);
    }
    try {
      cached = fresh(key);
      String token = cached != null ? cached.accessToken() : store(key, fetch.apply(deadline));
      mine.complete(token);
      return token;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  /** Forgets {@code key}'s token if it is still {@code rejected} (the upstream answered 401 to it). */
  void forget(String key, String rejected) {
    cache.computeIfPresent(key, (k, c) -> c.accessToken().equals(rejected) ? null : c);
  }

  /** Fetches under way (for tests: the map empties once they end). */
  int inFlight() {
    return inFlight.size();
  }

  private String store(String key, Fetched fetched) {
    Instant now = clock.instant();
    Duration lifetime = fetched.expiresIn() == null ? DEFAULT_LIFETIME
        : Duration.ofSeconds(Math.max(0, fetched.expiresIn()));
    Duration keep = lifetime.compareTo(margin) > 0 ? lifetime.minus(margin) : lifetime.dividedBy(2);
    if (cache.size() >= MAX_ENTRIES) {
      cache.values().removeIf(c -> !c.expiresAt().isAfter(now));
    }
    cache.put(key, new Cached(fetched.accessToken(), now.plus(keep), now.plus(lifetime)));
    return fetched.accessToken();
  }

  private String await(CompletableFuture<String> running, Instant deadline) {
    try {
      if (deadline == null) {
        return running.get();
      }
      long millis = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
      return running.get(millis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause);
    } catch (TimeoutException e) {
      throw new UpstreamUnavailableException(UpstreamUnavailableException.Failure.TIMEOUT,
          "the token endpoint did not answer before the call's deadline");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamUnavailableException(UpstreamUnavailableException.Failure.TIMEOUT,
          "interrupted while waiting for the token endpoint");
    }
  }

  private Cached fresh(String key) {
    Cached cached = cache.get(key);
    return cached != null && clock.instant().isBefore(cached.renewAt()) ? cached : null;
  }
}
