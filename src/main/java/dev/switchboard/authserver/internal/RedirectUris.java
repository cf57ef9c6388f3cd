package dev.switchboard.authserver.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which redirect URIs a client may register: at most {@value #MAX} absolute URIs without fragment;
 * {@code https}, {@code http} only for a loopback host (RFC 8252 §7.3, OAuth 2.1 §2.3.1), or a
 * native app's private-use scheme (RFC 8252 §7.1, for example {@code cursor://…}); never a scheme a
 * browser runs or reads locally.
 */
public final class RedirectUris {
  static final int MAX = 10;
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]", "localhost");
  private static final Set<String> FORBIDDEN = Set.of("javascript", "data", "file", "vbscript", "blob", "about");

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
    if (scheme.equals("https") && (uri.getHost() == null || uri.getRawUserInfo() != null)) {
      return "an https redirect URI must name a host and no user information";
    }
    return null;
  }
}
