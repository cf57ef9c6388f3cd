package dev.switchboard.upstream.internal;

import java.util.Arrays;

/**
 * An IPv4 or IPv6 range: a network address and a prefix length. Parsed strictly — IPv4 as dotted
 * decimal, IPv6 as RFC 4291 text, no host bits set — because an allow-list entry that means
 * something other than what it looks like is a security bug. Immutable.
 */
public final class Cidr {
  private final byte[] network;
  private final int prefix;

  private Cidr(byte[] network, int prefix) {
    this.network = network;
    this.prefix = prefix;
  }

  /**
   * Reads {@code 10.0.0.0/8}, {@code fc00::/7}, or a bare address (a range of one). An IPv4-mapped
   * IPv6 range with a prefix of at least 96 becomes the IPv4 range it maps.
   *
   * @throws IllegalArgumentException with a message that says what is wrong
   */
  public static Cidr parse(String text) {
    int slash = text.indexOf('/');
    String addressText = slash < 0 ? text : text.substring(0, slash);
    boolean v6 = addressText.indexOf(':') >= 0;
    byte[] address = v6 ? Ipv6Text.parse(addressText) : Ipv4Text.parseDotted(addressText);
    if (address == null) {
      throw new IllegalArgumentException(v6
          ? "'" + addressText + "' is not a valid IPv6 address"
          : "'" + addressText + "' is not an IPv4 address written as four decimal numbers (a.b.c.d)");
    }
    int bits = address.length * 8;
    int prefix = slash < 0 ? bits : prefixLength(text.substring(slash + 1), bits);
    byte[] canonical = Addresses.canonical(address);
    if (canonical.length != address.length) {
      if (prefix < 96) {
        throw new IllegalArgumentException("write IPv4-mapped ranges as IPv4 ranges");
      }
      prefix -= 96;
      address = canonical;
    }
    if (!Arrays.equals(address, masked(address, prefix))) {
      throw new IllegalArgumentException("'" + text + "' has bits set after the prefix; did you mean "
          + Addresses.format(masked(address, prefix)) + "/" + prefix + "?");
    }
    return new Cidr(address, prefix);
  }

  /** Whether {@code address} (4 or 16 bytes, canonical) lies in this range. */
  public boolean contains(byte[] address) {
    return Addresses.matches(address, network, prefix);
  }

  @Override
  public String toString() {
    return Addresses.format(network) + "/" + prefix;
  }

  private static int prefixLength(String text, int bits) {
    if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("the prefix length '" + text + "' is not a number");
    }
    int prefix = Integer.parseInt(text);
    if (prefix > bits) {
      throw new IllegalArgumentException("the prefix length must be between 0 and " + bits);
    }
    return prefix;
  }

  private static byte[] masked(byte[] address, int prefix) {
    byte[] result = address.clone();
    for (int bit = prefix; bit < result.length * 8; bit++) {
      result[bit / 8] = (byte) (result[bit / 8] & ~(0x80 >>> (bit % 8)));
    }
    return result;
  }
}
