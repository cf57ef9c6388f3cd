package dev.switchboard.upstream.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Percent-encoding for path segments and query components (RFC 3986, spaces as %20). */
final class UrlParts {
  private UrlParts() {}

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
