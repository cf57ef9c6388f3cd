package dev.switchboard.upstream.internal;

/**
 * Reads and writes IPv6 address text (RFC 4291 §2.2): eight groups of one to four hex digits, one
 * {@code ::} for a run of zero groups, and an optional dotted-decimal IPv4 tail
 * ({@code ::ffff:127.0.0.1}). No brackets and no zone identifier. Writes the RFC 5952 form.
 * Stateless.
 */
public final class Ipv6Text {
  private Ipv6Text() {}

  /** The sixteen bytes {@code text} denotes, or null when it is not a valid IPv6 address. */
  public static byte[] parse(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    String head = gap >= 0 ? text.substring(0, gap) : text;
    String tail = gap >= 0 ? text.substring(gap + 2) : "";
    int[] headGroups = groups(head, gap < 0);
    int[] tailGroups = groups(tail, true);
    if (headGroups == null || tailGroups == null) {
      return null;
    }
    int total = headGroups.length + tailGroups.length;
    if (gap < 0 ? total != 8 : total > 7) {
      return null;
    }
    byte[] address = new byte[16];
    put(address, headGroups, 0);
    put(address, tailGroups, 8 - tailGroups.length);
    return address;
  }

  /** The RFC 5952 text of sixteen bytes: lower case, the longest run of two or more zero groups as {@code ::}. */
  public static String format(byte[] address) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((address[2 * i] & 0xFF) << 8) | (address[2 * i + 1] & 0xFF);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder text = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }

  /** The 16-bit groups of one side of {@code ::}; an IPv4 tail counts as two. Null when invalid. */
  private static int[] groups(String side, boolean mayEndInIpv4) {
    if (side.isEmpty()) {
      return new int[0];
    }
    String[] parts = side.split(":", -1);
    String last = parts[parts.length - 1];
    boolean ipv4Tail = mayEndInIpv4 && last.indexOf('.') >= 0;
    int[] groups = new int[parts.length + (ipv4Tail ? 1 : 0)];
    for (int i = 0; i < parts.length - (ipv4Tail ? 1 : 0); i++) {
      groups[i] = hexGroup(parts[i]);
      if (groups[i] < 0) {
        return null;
      }
    }
    if (ipv4Tail) {
      byte[] v4 = Ipv4Text.parseDotted(last);
      if (v4 == null) {
        return null;
      }
      groups[parts.length - 1] = ((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF);
      groups[parts.length] = ((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF);
    }
    return groups;
  }

  private static int hexGroup(String part) {
    if (part.isEmpty() || part.length() > 4) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      int digit = c >= '0' && c <= '9' ? c - '0'
          : c >= 'a' && c <= 'f' ? c - 'a' + 10
          : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }

  private static void put(byte[] address, int[] groups, int firstGroup) {
    for (int i = 0; i < groups.length; i++) {
      address[2 * (firstGroup + i)] = (byte) (groups[i] >>> 8);
      address[2 * (firstGroup + i) + 1] = (byte) groups[i];
    }
  }
}
