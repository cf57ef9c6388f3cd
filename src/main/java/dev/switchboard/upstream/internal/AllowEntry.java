package dev.switchboard.upstream.internal;

import java.util.Locale;

/**
 * One entry of {@code SWITCHBOARD_OUTBOUND_ALLOW}: a range (or single address) or a host name, on
 * one port or on every port. Syntax: {@code 10.0.0.0/8}, {@code 10.0.0.5:5432},
 * {@code 10.0.0.0/8:5432}, {@code db.internal}, {@code db.internal:5432}; IPv6 takes a port only
 * in brackets: {@code fd00::/8} and {@code [fd00::/8]} are every port, {@code [fd00::/8]:5432} and
 * {@code [::1]:8080} one port. Without a port an entry allows every port. Immutable.
 */
public final class AllowEntry {
  /** The port of an entry that names none. */
  public static final int EVERY_PORT = 0;

  private final Cidr range;
  private final String name;
  private final int port;

  private AllowEntry(Cidr range, String name, int port) {
    this.range = range;
    this.name = name;
    this.port = port;
  }

  /**
   * Reads one trimmed, non-empty entry.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static AllowEntry parse(String entry) {
    if (entry.contains("://")) {
      throw new IllegalArgumentException("write a host name or a CIDR range, not a URL");
    }
    if (entry.startsWith("[")) {
      int close = entry.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("the IPv6 address is missing its closing bracket");
      }
      String rest = entry.substring(close + 1);
      if (!rest.isEmpty() && !rest.startsWith(":")) {
        throw new IllegalArgumentException("write [address]:port or [range]:port");
      }
      int port = rest.isEmpty() ? EVERY_PORT : port(rest.substring(1));
      return new AllowEntry(Cidr.parse(entry.substring(1, close)), null, port);
    }
    int colon = entry.indexOf(':');
    if (colon >= 0 && colon != entry.lastIndexOf(':')) {
      // Unbracketed IPv6 never carries a port: ::1:8080 is an address.
      return new AllowEntry(Cidr.parse(entry), null, EVERY_PORT);
    }
    String host = colon < 0 ? entry : entry.substring(0, colon);
    int port = colon < 0 ? EVERY_PORT : port(entry.substring(colon + 1));
    if (host.indexOf('/') >= 0 || Ipv4Text.endsInNumber(host.toLowerCase(Locale.ROOT))) {
      return new AllowEntry(Cidr.parse(host), null, port);
    }
    return new AllowEntry(null, name(host), port);
  }

  /** Whether this is a host name entry. */
  public boolean isName() {
    return name != null;
  }

  /** The port this entry names, or {@link #EVERY_PORT}. */
  public int port() {
    return port;
  }

  /** Whether this range entry contains {@code canonical} (4 or 16 bytes), on any of its ports. */
  public boolean contains(byte[] canonical) {
    return range != null && range.contains(canonical);
  }

  /** Whether this range entry allows {@code canonical} on {@code port}. */
  public boolean allows(byte[] canonical, int port) {
    return contains(canonical) && coversPort(port);
  }

  /** Whether this name entry allows {@code host} (lower case, no trailing dot) on {@code port}. */
  public boolean allowsName(String host, int port) {
    return name != null && name.equals(host) && coversPort(port);
  }

  /** The entry in canonical form, in the syntax {@link #parse} reads. */
  @Override
  public String toString() {
    String host = name != null ? name : range.toString();
    if (port == EVERY_PORT) {
      return host;
    }
    return (name == null && host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  private boolean coversPort(int candidate) {
    return port == EVERY_PORT || port == candidate;
  }

  private static int port(String text) {
    if (text.isEmpty() || text.length() > 5 || text.charAt(0) == '0'
        || !text.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(text) > 65535) {
      throw new IllegalArgumentException("the port '" + text + "' is not a number from 1 to 65535");
    }
    return Integer.parseInt(text);
  }

  private static String name(String entry) {
    if (entry.indexOf('*') >= 0) {
      throw new IllegalArgumentException(
          "wildcards are not supported: list each host name, or allow a CIDR range");
    }
    HostText host = HostText.parse(entry);
    if (host.kind() != HostText.Kind.NAME) {
      throw new IllegalArgumentException(host.text());
    }
    return host.text();
  }
}
