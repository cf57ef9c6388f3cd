package dev.switchboard.upstream;

import dev.switchboard.upstream.internal.Addresses;
import dev.switchboard.upstream.internal.Cidr;
import dev.switchboard.upstream.internal.HostText;
import dev.switchboard.upstream.internal.Ipv4Text;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What an administrator allows beyond public addresses, from {@value #SETTING}: comma-separated
 * CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}), single addresses ({@code 127.0.0.1},
 * {@code ::1}) and host names ({@code db.internal}). A range allows every address inside it; a name
 * allows that exact name (case-insensitive, no wildcards) whatever it resolves to. Empty means
 * nothing beyond public addresses. Immutable and thread safe.
 */
public final class OutboundPolicy {
  /** The setting the policy is read from. */
  public static final String SETTING = "SWITCHBOARD_OUTBOUND_ALLOW";

  private static final OutboundPolicy NONE = new OutboundPolicy(List.of(), Set.of());

  private final List<Cidr> ranges;
  private final Set<String> names;

  private OutboundPolicy(List<Cidr> ranges, Set<String> names) {
    this.ranges = List.copyOf(ranges);
    this.names = Set.copyOf(names);
  }

  /** The policy that allows public addresses only. */
  public static OutboundPolicy none() {
    return NONE;
  }

  /**
   * Reads the setting's value; null or blank is {@link #none()}. Entries are trimmed, empty ones
   * skipped. IPv4 must be written as dotted decimal, and a range must not have bits set after its
   * prefix ({@code 10.1.0.0/8} is refused: did you mean {@code 10.0.0.0/8}?).
   *
   * @throws InvalidOutboundAllowException naming the first malformed entry and what is wrong
   */
  public static OutboundPolicy parse(String setting) {
    if (setting == null || setting.isBlank()) {
      return NONE;
    }
    List<Cidr> ranges = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    String[] entries = setting.split(",", -1);
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].trim();
      if (entry.isEmpty()) {
        continue;
      }
      try {
        if (entry.contains("://")) {
          throw new IllegalArgumentException("write a host name or a CIDR range, not a URL");
        }
        if (isAddressOrRange(entry)) {
          ranges.add(range(entry));
        } else {
          names.add(name(entry));
        }
      } catch (IllegalArgumentException e) {
        throw new InvalidOutboundAllowException(
            SETTING + " entry " + (i + 1) + " '" + entry + "': " + e.getMessage());
      }
    }
    return new OutboundPolicy(ranges, names);
  }

  /** Whether {@code host} is an allow-listed name (case-insensitive, a trailing dot ignored). */
  public boolean allowsName(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    return names.contains(name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
  }

  /** Whether an allow-listed range contains {@code address} (or the IPv4 address it maps or carries). */
  public boolean allowsAddress(InetAddress address) {
    return allows(Addresses.canonical(address.getAddress()));
  }

  boolean allows(byte[] canonical) {
    for (Cidr range : ranges) {
      if (range.contains(canonical)) {
        return true;
      }
    }
    byte[] inner = Addresses.embeddedIpv4(canonical);
    return inner != null && allows(inner);
  }

  /** Whether nothing is allow-listed. */
  public boolean isEmpty() {
    return ranges.isEmpty() && names.isEmpty();
  }

  /** The entries in canonical form, comma-separated (the same syntax {@link #parse} reads). */
  @Override
  public String toString() {
    return Stream.concat(ranges.stream().map(Cidr::toString), names.stream())
        .collect(Collectors.joining(","));
  }

  private static boolean isAddressOrRange(String entry) {
    return entry.indexOf('/') >= 0 || entry.indexOf(':') >= 0 || entry.startsWith("[")
        || Ipv4Text.endsInNumber(entry.toLowerCase(Locale.ROOT));
  }

  private static Cidr range(String entry) {
    String text = entry.startsWith("[") && entry.endsWith("]")
        ? entry.substring(1, entry.length() - 1) : entry;
    if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
      throw new IllegalArgumentException("entries take no port: write the host name or address alone");
    }
    return Cidr.parse(text);
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
