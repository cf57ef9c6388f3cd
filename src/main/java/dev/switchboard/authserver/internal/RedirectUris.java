package dev.switchboard.authserver.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which redirect URIs a client may register: at most {@value #MAX} absolute URIs without fragment;
 * {@code https}, {@code http} only for a loopback host (RFC 8252 §7.3, OAuth 2.1 §2.3.1), or a
 * native app's private-use scheme (RFC 8252 §7.1: a reverse domain name, so it contains a dot, as
 * {@code com.example.app:/cb}); never a scheme a browser runs, reads locally or speaks otherwise
 * ({@code javascript}, {@code data}, {@code file}, {@code ftp}, {@code jar}, {@code ws}, …). Cursor's
 * {@code cursor://} is the one private-use scheme without a dot accepted, because Cursor is a client
 * Switchboard documents and it registers no other.
 */
public final class RedirectUris {
  static final int MAX = 10;
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]", "localhost");
  private static final Set<String> FORBIDDEN = Set.of("javascript", "data", "file", "vbscript", "blob", "about",
      "ftp", "jar", "ws", "wss", "filesystem", "view-source", "mailto", "tel", "sms");
  private static final Set<String> KNOWN_WITHOUT_DOT = Set.of("cursor");

  private RedirectUris() {}

  /** What is wrong with the list, or null when it may be registered. */
  public static String problem(List<String> uris) {
    if (uris.isEmpty()) {
      return "redirect_uris must name at least one redirect URI";
    }
    if (uris.size() > MAX) {
      return "redirect_uris may name at most " + MAX + " redirect URIs";
    }
    for (String s : uris) {
      String p = problemOf(s);
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  private static String problemOf(String s) {
    if (s == null || s.isEmpty() || s.length() > 1000) {
      return "each redirect URI must have 1 to 1000 characters";
    }
    URI uri;
    try {
      uri = new URI(s);
    } catch (URISyntaxException e) {
      return "a redirect URI is not a valid URI";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.isEmpty() || uri.getRawFragment() != null) {
      return "a redirect URI must be absolute and have no fragment";
    }
    if (FORBIDDEN.contains(scheme)) {
      return "the redirect URI scheme '" + scheme + "' is not allowed";
    }
    if (scheme.equals("http")) {
      return uri.getHost() != null && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT)) ? null
          : "an http redirect URI must be a loopback address (127.0.0.1, [::1] or localhost); use https";
    }
    if (scheme.equals("https")) {
      return uri.getHost() == null || uri.getRawUserInfo() != null
          ? "an https redirect URI must name a host and no user information" : null;
    }
    if (!scheme.contains(".") && !KNOWN_WITHOUT_DOT.contains(scheme)) {
      return "a private-use redirect URI scheme must be a reverse domain name such as com.example.app (RFC 8252 §7.1)";
    }
    return null;
  }
}
