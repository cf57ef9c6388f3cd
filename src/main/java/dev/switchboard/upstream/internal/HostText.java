package dev.switchboard.upstream.internal;

import java.util.Locale;

/**
 * One host as a URL or a connection names it, read the way the most permissive URL parser would:
 * an IPv4 address in any spelling, an IPv6 address (with or without brackets), or a DNS name.
 * A host that looks numeric but is not a valid address is {@link Kind#INVALID}, never a name, so it
 * cannot reach a resolver that reads it differently.
 *
 * @param kind what the text is
 * @param text the canonical text: dotted decimal, RFC 5952 IPv6 (no brackets), or the lower-case
 *     name without a trailing dot; for {@link Kind#INVALID} the reason it is not valid
 * @param address the 4 or 16 canonical bytes of an address (IPv4-mapped IPv6 becomes IPv4), else null
 */
public record HostText(Kind kind, String text, byte[] address) {

  /** What a host is. */
  public enum Kind {
    ADDRESS,
    NAME,
    INVALID
  }

  /** Reads {@code host}; never throws. */
  public static HostText parse(String host) {
    if (host.isEmpty()) {
      return invalid("the host is empty");
    }
    if (host.startsWith("[") || host.indexOf(':') >= 0) {
      return ipv6(host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host);
    }
    for (int i = 0; i < host.length(); i++) {
      if (host.charAt(i) > 0x7E) {
        return invalid("'" + host + "' is not ASCII: write internationalized names in their xn-- form");
      }
    }
    if (host.indexOf('%') >= 0) {
      return invalid("'" + host + "' is percent-encoded: write the host name as it is");
    }
    String lower = host.toLowerCase(Locale.ROOT);
    if (Ipv4Text.endsInNumber(lower)) {
      byte[] v4 = Ipv4Text.parse(lower);
      return v4 == null ? invalid("'" + host + "' looks like an IPv4 address but is not a valid one")
          : new HostText(Kind.ADDRESS, Ipv4Text.format(v4), v4);
    }
    String name = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    return validName(name) ? new HostText(Kind.NAME, name, null)
        : invalid("'" + host + "' is not a valid host name");
  }

  /** The host as it goes into a URL: IPv6 in brackets. */
  public String forUrl() {
    return kind == Kind.ADDRESS && address.length == 16 ? "[" + text + "]" : text;
  }

  private static HostText ipv6(String text) {
    if (text.indexOf('%') >= 0) {
      return invalid("IPv6 zone identifiers are not accepted ('" + text + "')");
    }
    byte[] v6 = Ipv6Text.parse(text);
    if (v6 == null) {
      return invalid("'" + text + "' is not a valid IPv6 address");
    }
    byte[] canonical = Addresses.canonical(v6);
    return new HostText(Kind.ADDRESS, Addresses.format(canonical), canonical);
  }

  /** RFC 1123 labels (letters, digits, hyphens; underscores as DNS tolerates them), at most 253 characters. */
  private static boolean validName(String name) {
    if (name.isEmpty() || name.length() > 253) {
      return false;
    }
    for (String label : name.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
          return false;
        }
      }
    }
    return true;
  }

  private static HostText invalid(String reason) {
    return new HostText(Kind.INVALID, reason, null);
  }
}
