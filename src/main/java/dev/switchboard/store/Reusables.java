package dev.switchboard.store;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A small lock-free pool of objects that are costly to make and not thread-safe (a {@link
 * javax.crypto.Cipher}, a {@link java.security.SecureRandom} generator): {@link #take()} hands one
 * out or makes one, {@link #give(Object)} puts it back, or drops it when the pool is full.
 *
 * <p>Why not a {@link ThreadLocal}: requests run on virtual threads, one new thread each, so a
 * per-thread object would be made again for every request (a DRBG seeded from the system, a cipher
 * looked up among the security providers: together most of a call's crypto cost).
 */
public final class Reusables<T> {
  private final AtomicReferenceArray<T> slots;
  private final Supplier<T> factory;

  /** Keeps at most {@code capacity} idle objects; {@code factory} makes a new one when none is idle. */
  public Reusables(int capacity, Supplier<T> factory) {
    this.slots = new AtomicReferenceArray<>(capacity);
    this.factory = factory;
  }

  /** An idle object, or a new one: the caller owns it until it gives it back. */
  public T take() {
    for (int i = 0; i < slots.length(); i++) {
      T idle = slots.get(i);
      if (idle != null && slots.compareAndSet(i, idle, null)) {
        return idle;
      }
    }
    return factory.get();
  }

  /** Puts {@code used} back for the next caller (dropped when every slot is taken). */
  public void give(T used) {
    for (int i = 0; i < slots.length(); i++) {
      if (slots.get(i) == null && slots.compareAndSet(i, null, used)) {
        return;
      }
    }
  }
}
