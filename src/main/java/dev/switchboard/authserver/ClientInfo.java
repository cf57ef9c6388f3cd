package dev.switchboard.authserver;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A client of the authorization server: registered dynamically (RFC 7591) or named by the URL of
 * its Client ID Metadata Document (then {@code verified}: its name and redirect URIs come from a
 * document served at its own id).
 */
public record ClientInfo(String id, String name, List<String> redirectUris, boolean verified) {
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]", "localhost");

  public ClientInfo {
    redirectUris = List.copyOf(redirectUris);
  }

  /**
   * Whether {@code redirectUri} is one of the registered ones: an exact string match (OAuth 2.1
   * §4.1.1), except that an {@code http} loopback redirect may use any port (RFC 8252 §7.3).
   */
  public boolean allowsRedirect(String redirectUri) {
    if (redirectUri == null) {
      return false;
    }
    if (redirectUris.contains(redirectUri)) {
      return true;
    }
    String withoutPort = loopbackWithoutPort(redirectUri);
    return withoutPort != null && redirectUris.stream().map(ClientInfo::loopbackWithoutPort)
        .anyMatch(withoutPort::equals);
  }

  /**
   * Where a redirect URI sends the user, as the consent page shows it: scheme and host
   * ({@code https://app.example}, {@code http://127.0.0.1}), or the scheme of a URI without host.
   */
  public static String schemeAndHostOf(String redirectUri) {
    try {
      URI uri = URI.create(redirectUri);
      return uri.getHost() != null ? uri.getScheme() + "://" + uri.getHost() : uri.getScheme() + ":";
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  public static String hostOf(String redirectUri) {
    try {
      URI uri = URI.create(redirectUri);
      return uri.getHost() != null ? uri.getHost() : uri.getScheme() + ":";
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  static boolean isLoopback(URI uri) {
    return uri.getHost() != null && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
  }

  private static String loopbackWithoutPort(String redirectUri) {
    try {
      URI uri = URI.create(redirectUri);
      if (!"http".equals(uri.getScheme()) || !isLoopback(uri)) {
        return null;
      }
      return new URI("http", null, uri.getHost(), -1, uri.getPath(), uri.getQuery(), null).toString();
    } catch (IllegalArgumentException | URISyntaxException e) {
      return null;
    }
  }
}
