package dev.switchboard.authserver.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many times one client address may do something per window: dynamic registrations (RFC
 * 7591, an endpoint open to anyone) and metadata-document fetches. An IPv6 address counts by its
 * /64, since one host commonly has a whole /64 to choose from. In memory, per instance, the
 * {@value #ADDRESSES} most recent addresses. Thread safe.
 */
public final class AddressLimits {
  private static final int ADDRESSES = 10_000;
  private final int perAddress;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> recent = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
      return size() > ADDRESSES;
    }
  };

  public AddressLimits(int perAddress, Duration window, Clock clock) {
    this.perAddress = perAddress;
    this.window = window;
    this.clock = clock;
  }

  /** Counts one use by {@code address}; false when the address has used up its window. */
  public synchronized boolean take(String address) {
    Instant now = clock.instant();
    Deque<Instant> times = recent.computeIfAbsent(key(address), a -> new ArrayDeque<>());
    while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
      times.pollFirst();
    }
    if (times.size() >= perAddress) {
      return false;
    }
    times.addLast(now);
    return true;
  }

  /** The address itself for IPv4, its /64 network for IPv6. */
  static String key(String address) {
    if (address == null || address.indexOf(':') < 0) {
      return address == null ? "" : address;
    }
    String literal = address.startsWith("[") && address.endsWith("]")
        ? address.substring(1, address.length() - 1) : address;
    int zone = literal.indexOf('%');
    if (zone >= 0) {
      literal = literal.substring(0, zone);
    }
    try {
      byte[] bytes = InetAddress.getByName(literal).getAddress();
      if (bytes.length != 16) {
        return InetAddress.getByAddress(bytes).getHostAddress();
      }
      return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
    } catch (UnknownHostException e) {
      return address;
    }
  }
}
