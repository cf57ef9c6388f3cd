package dev.switchboard.store;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Values kept for a short, fixed time so that a stream of requests does not compute them again:
 * what a tool call would otherwise read from the database every time. {@link #clear} drops all of
 * them, and a value computed while a clear happened is not kept (it may predate the change that
 * caused the clear). At most {@code most} entries: past that, all are dropped. Thread safe.
 */
public final class ShortLived<K, V> {
  private final long lifeNanos;
  private final int most;
  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();

  private record Entry<V>(V value, long generation, long untilNanos) {}

  public ShortLived(Duration life, int most) {
    this.lifeNanos = life.toNanos();
    this.most = most;
  }

  /** The kept value of {@code key}, or {@code compute}'s, kept unless it is null. */
  public V get(K key, Function<K, V> compute) {
    long now = System.nanoTime();
    long current = generation.get();
    Entry<V> kept = entries.get(key);
    if (kept != null && kept.generation() == current && now - kept.untilNanos() < 0) {
      return kept.value();
    }
    V value = compute.apply(key);
    if (value == null) {
      entries.remove(key);
    } else {
      if (entries.size() >= most) {
        entries.clear();
      }
      entries.put(key, new Entry<>(value, current, now + lifeNanos));
    }
    return value;
  }

  /** Drops every kept value: something they were computed from changed. */
  public void clear() {
    generation.incrementAndGet();
    entries.clear();
  }
}
