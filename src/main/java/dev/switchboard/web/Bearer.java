package dev.switchboard.web;

/** The token of an {@code Authorization: Bearer …} header (RFC 6750; the scheme in any case). */
final class Bearer {
  private static final String SCHEME = "Bearer ";

  private Bearer() {}

  /** The token, trimmed; null when the header is absent or of another scheme. */
  static String token(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return null;
    }
    return authorization.substring(SCHEME.length()).trim();
  }
}
