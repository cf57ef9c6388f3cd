package dev.switchboard.upstream.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Percent-encoding for path parameters, query components and form fields (RFC 3986). */
final class UrlParts {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UrlParts() {}

  /** A query component or form field: {@code application/x-www-form-urlencoded}, spaces as %20. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Whether a path parameter value must be refused before any request is sent: empty (the path
   * would get {@code //}, which proxies such as nginx merge into one slash), {@code .} or {@code ..}
   * (dot-segments, RFC 3986 §5.2.4; WHATWG URL parsers, Node's among them, and several proxies
   * read even their encoded forms {@code %2E} and {@code %2E%2E} as dot-segments).
   */
  static boolean isDotSegmentOrEmpty(String value) {
    return value.isEmpty() || value.equals(".") || value.equals("..");
  }

  /**
   * A form body's field name: as {@link #encode} but with brackets left as they are
   * ({@code metadata[crm_id]}), as Stripe's own clients send them; a form body is no URI, so they
   * need no escaping there (in a query string they do).
   */
  static String formName(String name) {
    return encode(name).replace("%5B", "[").replace("%5D", "]");
  }

  /**
   * A path parameter's value, so that no argument can change which path a request reaches: every
   * UTF-8 byte outside the unreserved set (RFC 3986 §2.3: letters, digits, {@code - . _ ~}) is
   * percent-encoded, so {@code /}, {@code ?}, {@code #}, {@code %} and {@code ;} stay data; and a value
   * made only of dots ({@code ...}) has its dots encoded ({@code %2E%2E%2E}), so that no
   * normalisation can shorten it to a dot-segment. Empty, {@code .} and {@code ..} are refused
   * ({@link #isDotSegmentOrEmpty}): no encoding of them is safe.
   *
   * @throws IllegalArgumentException for an empty, {@code .} or {@code ..} value (the request builder
   *     answers it as {@code invalid_path_parameter})
   */
  static String pathSegment(String value) {
    if (isDotSegmentOrEmpty(value)) {
      throw new IllegalArgumentException("a path parameter value must not be empty, \".\" or \"..\"");
    }
    boolean onlyDots = !value.isEmpty() && value.chars().allMatch(c -> c == '.');
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '-' || c == '_' || c == '~' || c == '.' && !onlyDots) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }
}
