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
   * made only of dots ({@code .}, {@code ..}) has its dots encoded ({@code %2E}, {@code %2E%2E}),
   * because as a whole segment it would be a dot-segment that clients and servers remove
   * (RFC 3986 §5.2.4), moving the request to another path.
   */
  static String pathSegment(String value) {
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
