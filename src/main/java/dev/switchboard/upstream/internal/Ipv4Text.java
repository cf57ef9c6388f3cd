package dev.switchboard.upstream.internal;

/**
 * Reads IPv4 addresses in every spelling that URL parsers (WHATWG URL, "IPv4 parser") and
 * {@code inet_aton(3)} accept: one to four dot-separated parts, each decimal, octal (leading
 * {@code 0}) or hexadecimal (leading {@code 0x}), the last part filling the remaining bytes —
 * {@code 127.1}, {@code 2130706433}, {@code 0x7f.0.0.1}, {@code 0177.0.0.1} all denote 127.0.0.1.
 * One trailing dot is ignored. Only ASCII digits count. Stateless.
 */
public final class Ipv4Text {
  private static final long MAX = 0xFFFF_FFFFL;

  private Ipv4Text() {}

  /**
   * Whether URL parsers treat {@code host} as an IPv4 address: its last label is a decimal or
   * {@code 0x} hexadecimal number (WHATWG "ends in a number"). Such a host is never looked up in DNS.
   */
  public static boolean endsInNumber(String host) {
    String[] parts = parts(host);
    String last = parts[parts.length - 1];
    if (last.isEmpty()) {
      return false;
    }
    return allDigits(last, 10) || (hexPrefix(last) && allDigits(last.substring(2), 16));
  }

  /** The four bytes {@code host} denotes in any accepted spelling, or null when it is not valid. */
  public static byte[] parse(String host) {
    String[] parts = parts(host);
    if (parts.length > 4) {
      return null;
    }
    long address = 0;
    for (int i = 0; i < parts.length; i++) {
      long value = number(parts[i]);
      boolean last = i == parts.length - 1;
      long limit = last ? (1L << (8 * (5 - parts.length))) - 1 : 255;
      if (value < 0 || value > limit) {
        return null;
      }
      address += last ? value : value << (8 * (3 - i));
    }
    return bytes(address);
  }

  /** The four bytes of strict dotted decimal ({@code 10.0.0.0}, no leading zeros), or null. */
  public static byte[] parseDotted(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    long address = 0;
    for (String part : parts) {
      boolean leadingZero = part.length() > 1 && part.charAt(0) == '0';
      if (part.isEmpty() || part.length() > 3 || leadingZero || !allDigits(part, 10)) {
        return null;
      }
      int value = Integer.parseInt(part);
      if (value > 255) {
        return null;
      }
      address = (address << 8) | value;
    }
    return bytes(address);
  }

  /** Dotted decimal text of four bytes. */
  public static String format(byte[] address) {
    return (address[0] & 0xFF) + "." + (address[1] & 0xFF) + "." + (address[2] & 0xFF) + "."
        + (address[3] & 0xFF);
  }

  private static String[] parts(String host) {
    String trimmed = host.length() > 1 && host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    return trimmed.split("\\.", -1);
  }

  /** The value of one part, or -1 when it is empty, has a bad digit or exceeds 32 bits. */
  private static long number(String part) {
    int radix = 10;
    String digits = part;
    if (hexPrefix(part)) {
      radix = 16;
      digits = part.substring(2);
      if (digits.isEmpty()) {
        return 0; // WHATWG: "0x" alone is zero
      }
    } else if (part.length() > 1 && part.charAt(0) == '0') {
      radix = 8;
      digits = part.substring(1);
    } else if (part.isEmpty()) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = asciiDigit(digits.charAt(i), radix);
      if (digit < 0) {
        return -1;
      }
      value = value * radix + digit;
      if (value > MAX) {
        return -1;
      }
    }
    return value;
  }

  private static boolean hexPrefix(String part) {
    return part.length() >= 2 && part.charAt(0) == '0' && (part.charAt(1) == 'x' || part.charAt(1) == 'X');
  }

  private static boolean allDigits(String text, int radix) {
    for (int i = 0; i < text.length(); i++) {
      if (asciiDigit(text.charAt(i), radix) < 0) {
        return false;
      }
    }
    return true;
  }

  private static int asciiDigit(char c, int radix) {
    int value;
    if (c >= '0' && c <= '9') {
      value = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      value = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      value = c - 'A' + 10;
    } else {
      return -1;
    }
    return value < radix ? value : -1;
  }

  private static byte[] bytes(long address) {
    return new byte[] {
      (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address
    };
  }
}
