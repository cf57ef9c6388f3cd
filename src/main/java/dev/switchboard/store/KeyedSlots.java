package dev.switchboard.store;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A counted number of slots per key (a user, a user and provider), for limits on what one caller
 * may hold at once: in-flight tool calls, open streams. A key's counter exists only while a slot is
 * taken, so memory follows what is in use, not who ever called. Thread safe.
 */
public final class KeyedSlots {
  private final int max;
  private final ConcurrentHashMap<String, AtomicInteger> taken = new ConcurrentHashMap<>();

  /** {@code max} slots per key; zero or less means no limit. */
  public KeyedSlots(int max) {
    this.max = max;
  }

  /** The configured slots per key (zero or less: unlimited). */
  public int max() {
    return max;
  }

  /** Takes a slot of {@code key}; false (and nothing taken) when all of them are in use. */
  public boolean tryTake(String key) {
    boolean[] took = new boolean[1];
    taken.compute(key, (k, count) -> {
      AtomicInteger c = count == null ? new AtomicInteger() : count;
      if (max <= 0 || c.get() < max) {
        c.incrementAndGet();
        took[0] = true;
      }
      return c.get() == 0 ? null : c;
    });
    return took[0];
  }

  /** Gives back a slot taken with {@link #tryTake}. */
  public void give(String key) {
    taken.computeIfPresent(key, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
  }

  /** Slots of {@code key} in use now. */
  public int inUse(String key) {
    AtomicInteger c = taken.get(key);
    return c == null ? 0 : c.get();
  }
}
