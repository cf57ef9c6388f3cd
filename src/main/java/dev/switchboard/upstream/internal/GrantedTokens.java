package dev.switchboard.upstream.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Access tokens the gateway got itself (client credentials, JWT grants), kept in memory until {@code margin}
 * before they expire (CONVENTIONS.md §7: injected clock, explicit margin). Calls that need a token for the same
 * key while it is being fetched wait for that one fetch ("refreshed exactly once"); a failed fetch caches nothing.
 * Keys are digests of the client's identity, never a secret. Thread safe.
 */
final class GrantedTokens {
  /** A token whose answer gave no {@code expires_in} is kept this long. */
  static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
  private static final int MAX_ENTRIES = 10_000;
  private final Clock clock;
  private final Duration margin;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

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

  private record Cached(String accessToken, Instant expiresAt) {
    @Override
    public String toString() {
      return "Cached[" + expiresAt + "]";
    }
  }

  /** The cached token for {@code key}, or the one {@code fetch} gets (once, however many callers wait). */
  String token(String key, Supplier<Fetched> fetch) {
    Cached cached = fresh(key);
    if (cached != null) {
      return cached.accessToken();
    }
    ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
    lock.lock();
    try {
      cached = fresh(key);
      if (cached != null) {
        return cached.accessToken();
      }
      Fetched fetched = fetch.get();
      Instant now = clock.instant();
      Instant expiresAt = fetched.expiresIn() == null ? now.plus(DEFAULT_LIFETIME)
          : now.plusSeconds(fetched.expiresIn());
      if (cache.size() >= MAX_ENTRIES) {
        cache.values().removeIf(c -> !c.expiresAt().isAfter(now));
      }
      cache.put(key, new Cached(fetched.accessToken(), expiresAt));
      return fetched.accessToken();
    } finally {
      lock.unlock();
    }
  }

  private Cached fresh(String key) {
    Cached cached = cache.get(key);
    return cached != null && clock.instant().plus(margin).isBefore(cached.expiresAt()) ? cached : null;
  }
}
