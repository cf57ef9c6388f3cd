package dev.switchboard.upstream;

import dev.switchboard.upstream.internal.Addresses;
import dev.switchboard.upstream.internal.AllowEntry;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What an administrator allows beyond public addresses, from {@value #SETTING}: comma-separated
 * CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}), single addresses ({@code 127.0.0.1},
 * {@code ::1}) and host names ({@code db.internal}), each on every port or on one port
 * ({@code 10.0.0.5:5432}, {@code 10.0.0.0/8:5432}, {@code db.internal:5432}, {@code [::1]:8080},
 * {@code [fd00::/8]:5432}; IPv6 takes a port only in brackets). A range allows every address inside
 * it; a name allows that exact name (case-insensitive, no wildcards) whatever it resolves to. Empty
 * means nothing beyond public addresses. Immutable and thread safe.
 */
public final class OutboundPolicy {
  /** The setting the policy is read from. */
  public static final String SETTING = "SWITCHBOARD_OUTBOUND_ALLOW";

  private static final OutboundPolicy NONE = new OutboundPolicy(List.of(), List.of());

  private final List<AllowEntry> ranges;
  private final List<AllowEntry> names;

  private OutboundPolicy(List<AllowEntry> ranges, List<AllowEntry> names) {
    this.ranges = List.copyOf(ranges);
    this.names = List.copyOf(names);
  }

  /** The policy that allows public addresses only. */
  public static OutboundPolicy none() {
    return NONE;
  }

  /**
   * Reads the setting's value; null or blank is {@link #none()}. Entries are trimmed, empty ones
   * skipped. IPv4 must be written as dotted decimal, a range must not have bits set after its
   * prefix ({@code 10.1.0.0/8} is refused: did you mean {@code 10.0.0.0/8}?), and a port is a
   * number from 1 to 65535 without leading zeros.
   *
   * @throws InvalidOutboundAllowException naming the first malformed entry and what is wrong
   */
  public static OutboundPolicy parse(String setting) {
    if (setting == null || setting.isBlank()) {
      return NONE;
    }
    Map<String, AllowEntry> ranges = new LinkedHashMap<>();
    Map<String, AllowEntry> names = new LinkedHashMap<>();
    String[] entries = setting.split(",", -1);
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].trim();
      if (entry.isEmpty()) {
        continue;
      }
      AllowEntry parsed;
      try {
        parsed = AllowEntry.parse(entry);
      } catch (IllegalArgumentException e) {
        throw new InvalidOutboundAllowException(
            SETTING + " entry " + (i + 1) + " '" + entry + "': " + e.getMessage());
      }
      (parsed.isName() ? names : ranges).putIfAbsent(parsed.toString(), parsed);
    }
    return new OutboundPolicy(new ArrayList<>(ranges.values()), new ArrayList<>(names.values()));
  }

  /**
   * Whether {@code host} is a name allow-listed on {@code port} (case-insensitive, a trailing dot
   * ignored).
   */
  public boolean allowsName(String host, int port) {
    String name = normalized(host);
    return names.stream().anyMatch(n -> n.allowsName(name, port));
  }

  /**
   * Whether an allow-listed range contains {@code address} (or the IPv4 address it maps or
   * carries) on {@code port}.
   */
  public boolean allowsAddress(InetAddress address, int port) {
    return allows(Addresses.canonical(address.getAddress()), port);
  }

  boolean allows(byte[] canonical, int port) {
    for (AllowEntry range : ranges) {
      if (range.allows(canonical, port)) {
        return true;
      }
    }
    byte[] inner = Addresses.embeddedIpv4(canonical);
    return inner != null && allows(inner, port);
  }

  /** Whether a range contains {@code canonical} on some port (used to say why a port is refused). */
  boolean allowsOnSomePort(byte[] canonical) {
    byte[] inner = Addresses.embeddedIpv4(canonical);
    return ranges.stream().anyMatch(r -> r.contains(canonical) || inner != null && r.contains(inner));
  }

  /**
   * Whether an entry that names exactly {@code port} allows {@code canonical}: what the gateway's
   * own listening port needs, where an entry for every port is not enough.
   */
  boolean allowsExplicitly(byte[] canonical, int port) {
    return ranges.stream().anyMatch(r -> r.port() == port && r.allows(canonical, port));
  }

  /** Whether a name entry that names exactly {@code port} allows {@code host}. */
  boolean allowsNameExplicitly(String host, int port) {
    String name = normalized(host);
    return names.stream().anyMatch(n -> n.port() == port && n.allowsName(name, port));
  }

  /** Whether nothing is allow-listed. */
  public boolean isEmpty() {
    return ranges.isEmpty() && names.isEmpty();
  }

  /** The entries in canonical form, ranges first, comma-separated (the syntax {@link #parse} reads). */
  @Override
  public String toString() {
    return Stream.concat(ranges.stream(), names.stream()).map(AllowEntry::toString)
        .collect(Collectors.joining(","));
  }

  private static String normalized(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }
}
