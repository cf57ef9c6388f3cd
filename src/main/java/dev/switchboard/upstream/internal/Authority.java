package dev.switchboard.upstream.internal;

/**
 * The host and port of a URL's raw authority, split by hand because {@link java.net.URI} gives no
 * host for spellings other parsers accept ({@code 127.1}). User information is refused by the
 * caller before this is used.
 *
 * @param host the host text as written, IPv6 without brackets
 * @param port the port, or -1 when none is given
 */
public record Authority(String host, int port) {

  /**
   * Splits {@code raw} ({@code host}, {@code host:port}, {@code [v6]:port}).
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static Authority parse(String raw) {
    String host;
    String rest;
    if (raw.startsWith("[")) {
      int close = raw.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("the IPv6 address is missing its closing bracket");
      }
      host = raw.substring(1, close);
      rest = raw.substring(close + 1);
    } else {
      int colon = raw.indexOf(':');
      host = colon < 0 ? raw : raw.substring(0, colon);
      rest = colon < 0 ? "" : raw.substring(colon);
    }
    if (rest.isEmpty() || rest.equals(":")) {
      return new Authority(host, -1);
    }
    String digits = rest.substring(1);
    if (rest.charAt(0) != ':' || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("the port is not a number");
    }
    int port = Integer.parseInt(digits);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("the port must be between 1 and 65535");
    }
    return new Authority(host, port);
  }
}
