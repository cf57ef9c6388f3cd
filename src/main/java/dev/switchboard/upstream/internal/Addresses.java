package dev.switchboard.upstream.internal;

import java.util.Arrays;

/**
 * Raw IP addresses as 4 or 16 bytes. An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}, RFC 4291
 * §2.5.5.2) is the IPv4 address it maps, because a dual-stack socket connects to exactly that; the
 * JDK makes the same choice. NAT64 (RFC 6052 well-known prefix) and 6to4 (RFC 3056) addresses
 * carry an IPv4 address that the rules look at as well. Stateless.
 */
public final class Addresses {
  private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF};
  private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xFF, (byte) 0x9B, 0, 0, 0, 0, 0, 0, 0, 0};

  private Addresses() {}

  /** {@code address}, or the IPv4 address it maps when it is IPv4-mapped IPv6. */
  public static byte[] canonical(byte[] address) {
    if (address.length == 16 && startsWith(address, MAPPED_PREFIX)) {
      return Arrays.copyOfRange(address, 12, 16);
    }
    return address;
  }

  /** The IPv4 address inside a NAT64 ({@code 64:ff9b::/96}) or 6to4 ({@code 2002::/16}) address, else null. */
  public static byte[] embeddedIpv4(byte[] address) {
    if (address.length != 16) {
      return null;
    }
    if (startsWith(address, NAT64_PREFIX)) {
      return Arrays.copyOfRange(address, 12, 16);
    }
    if (address[0] == 0x20 && address[1] == 0x02) {
      return Arrays.copyOfRange(address, 2, 6);
    }
    return null;
  }

  /** Dotted decimal or RFC 5952 text. */
  public static String format(byte[] address) {
    return address.length == 4 ? Ipv4Text.format(address) : Ipv6Text.format(address);
  }

  /** Whether the first {@code prefix} bits of {@code address} equal those of {@code network}. */
  public static boolean matches(byte[] address, byte[] network, int prefix) {
    if (address.length != network.length) {
      return false;
    }
    int whole = prefix / 8;
    for (int i = 0; i < whole; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (address[whole] & mask) == (network[whole] & mask);
  }

  private static boolean startsWith(byte[] address, byte[] prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if (address[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
