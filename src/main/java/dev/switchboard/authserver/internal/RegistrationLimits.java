package dev.switchboard.authserver.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many dynamic registrations (RFC 7591) one client address may make per {@link #WINDOW}: the
 * endpoint is open to anyone, so it is rate limited by address here and by the number of clients
 * never used (see {@code AuthorizationServer}). In memory, per instance. Thread safe.
 */
public final class RegistrationLimits {
  static final Duration WINDOW = Duration.ofHours(1);
  private static final int ADDRESSES = 10_000;
  private final int perAddress;
  private final Clock clock;
  private final Map<String, Deque<Instant>> recent = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
      return size() > ADDRESSES;
    }
  };

  public RegistrationLimits(int perAddress, Clock clock) {
    this.perAddress = perAddress;
    this.clock = clock;
  }

  /** Counts a registration from {@code address}; false when the address has used up its window. */
  public synchronized boolean take(String address) {
    Instant now = clock.instant();
    Deque<Instant> times = recent.computeIfAbsent(address == null ? "" : address, a -> new ArrayDeque<>());
    while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
      times.pollFirst();
    }
    if (times.size() >= perAddress) {
      return false;
    }
    times.addLast(now);
    return true;
  }
}
