package dev.switchboard.upstream.internal;

import java.util.List;
import java.util.Optional;

/**
 * The address ranges an outbound call may not reach unless an administrator allow-lists them
 * (DESIGN.md §9), from the IANA special-purpose registries (RFC 6890 and its updates): loopback,
 * unspecified, private, link-local (cloud metadata), CGNAT, unique-local, multicast, broadcast,
 * documentation, benchmarking and reserved space. The first matching range names the kind.
 * Stateless and thread safe.
 */
public final class ReservedRanges {
  private record Range(Cidr cidr, String kind) {}

  private static final List<Range> IPV4 = List.of(
      range("0.0.0.0/8", "an unspecified (\"this network\") address"),
      range("10.0.0.0/8", "a private address"),
      range("100.64.0.0/10", "a shared (carrier-grade NAT) address"),
      range("127.0.0.0/8", "a loopback address"),
      range("169.254.0.0/16", "a link-local address"),
      range("172.16.0.0/12", "a private address"),
      range("192.0.0.0/24", "an IETF protocol assignment address"),
      range("192.0.2.0/24", "a documentation address"),
      range("192.88.99.0/24", "a deprecated 6to4 relay address"),
      range("192.168.0.0/16", "a private address"),
      range("198.18.0.0/15", "a benchmarking address"),
      range("198.51.100.0/24", "a documentation address"),
      range("203.0.113.0/24", "a documentation address"),
      range("224.0.0.0/4", "a multicast address"),
      range("255.255.255.255/32", "the broadcast address"),
      range("240.0.0.0/4", "a reserved address"));

  private static final List<Range> IPV6 = List.of(
      range("::/128", "the unspecified address"),
      range("::1/128", "the loopback address"),
      range("::/96", "a deprecated IPv4-compatible address"),
      range("::ffff:0:0:0/96", "an IPv4-translated address"),
      range("64:ff9b:1::/48", "a local-use NAT64 address"),
      range("100::/64", "a discard-only address"),
      range("2001::/32", "a Teredo tunnel address"),
      range("2001:2::/48", "a benchmarking address"),
      range("2001:db8::/32", "a documentation address"),
      range("3fff::/20", "a documentation address"),
      range("fc00::/7", "a unique-local address"),
      range("fe80::/10", "a link-local address"),
      range("fec0::/10", "a deprecated site-local address"),
      range("ff00::/8", "a multicast address"));

  private ReservedRanges() {}

  /**
   * Why {@code address} (canonical: 4 bytes, or 16 bytes that are not IPv4-mapped) is refused, or
   * empty for a public address. NAT64 and 6to4 addresses are refused for the IPv4 address inside.
   */
  public static Optional<Refusal> refusal(byte[] address) {
    Optional<Refusal> own = match(address, address.length == 4 ? IPV4 : IPV6, "");
    if (own.isPresent()) {
      return own;
    }
    byte[] inner = Addresses.embeddedIpv4(address);
    return inner == null ? Optional.empty() : match(inner, IPV4, Ipv6Text.format(address));
  }

  private static Optional<Refusal> match(byte[] address, List<Range> ranges, String carrier) {
    for (Range range : ranges) {
      if (range.cidr().contains(address)) {
        return Optional.of(new Refusal(range.kind(), Addresses.format(address), carrier));
      }
    }
    return Optional.empty();
  }

  private static Range range(String cidr, String kind) {
    return new Range(Cidr.parse(cidr), kind);
  }
}
