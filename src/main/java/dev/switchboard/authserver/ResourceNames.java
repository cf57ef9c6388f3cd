package dev.switchboard.authserver;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The origins this server answers to, and which MCP endpoint an RFC 8707 {@code resource} names.
 * The origins are the base URL's (scheme, host and port) and, with the base URL's scheme, the
 * loopback aliases ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}) on the port the server
 * listens on. Nothing else is this server: not a loopback alias on another port (another program
 * on the same machine) nor with another scheme. A token is bound to the endpoint's path
 * ({@code /mcp/hub} or {@code /mcp/bundle/{slug}}) on any of these origins.
 */
public final class ResourceNames {
  public static final String HUB = "/mcp/hub";
  public static final String BUNDLE_PREFIX = "/mcp/bundle/";
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");
  private static final Pattern PATH = Pattern.compile("/mcp/(hub|bundle/[A-Za-z0-9][A-Za-z0-9._-]{0,99})");
  private static final Pattern HOST_HEADER = Pattern.compile("(localhost|127\\.0\\.0\\.1|\\[::1\\])(:([0-9]{1,5}))?");
  private final String baseUrl;
  private final String baseOrigin;
  private final String scheme;
  private final boolean loopbackBase;
  private final int listenPort;

  /**
   * @param baseUrl the configured base URL (no trailing slash)
   * @param listenPort the port the server actually listens on
   */
  public ResourceNames(String baseUrl, int listenPort) {
    URI base = URI.create(baseUrl);
    this.baseUrl = baseUrl;
    this.scheme = base.getScheme().toLowerCase(Locale.ROOT);
    String host = base.getHost() == null ? "localhost" : base.getHost().toLowerCase(Locale.ROOT);
    this.baseOrigin = scheme + "://" + host + ":" + port(scheme, base.getPort());
    this.loopbackBase = LOOPBACK.contains(host);
    this.listenPort = listenPort;
  }

  /**
   * The origin a client used to reach this server, from the request's {@code Host} header, for
   * the metadata documents, {@code WWW-Authenticate} and the RFC 9207 {@code iss}: the loopback
   * alias it named when the base URL is itself a loopback URL and the alias is on the listening
   * port; the base URL in every other case (behind a reverse proxy the Host header may name the
   * proxy's upstream, 127.0.0.1:8080, which no client uses).
   */
  public String origin(String hostHeader) {
    if (!loopbackBase || hostHeader == null) {
      return baseUrl;
    }
    Matcher m = HOST_HEADER.matcher(hostHeader.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return baseUrl;
    }
    int port = m.group(3) == null ? port(scheme, -1) : Integer.parseInt(m.group(3));
    return port == listenPort ? scheme + "://" + m.group() : baseUrl;
  }

  /** The MCP endpoint path a resource URL names, or empty when it names none of this server's. */
  public Optional<String> path(String resource) {
    if (resource == null || resource.length() > 2048) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(resource);
      if (uri.getHost() == null || uri.getScheme() == null || uri.getRawFragment() != null
          || uri.getRawQuery() != null || uri.getRawUserInfo() != null || !isThisServer(uri)) {
        return Optional.empty();
      }
      return endpointOf(uri.getPath());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private boolean isThisServer(URI uri) {
    String s = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    int port = port(s, uri.getPort());
    if ((s + "://" + host + ":" + port).equals(baseOrigin)) {
      return true;
    }
    return s.equals(scheme) && LOOPBACK.contains(host) && port == listenPort;
  }

  private static int port(String scheme, int port) {
    if (port >= 0) {
      return port;
    }
    return "https".equals(scheme) ? 443 : 80;
  }

  /**
   * The MCP endpoint a request path belongs to: the Streamable HTTP path itself, or the legacy SSE
   * {@code /sse} and {@code /messages} paths below it. Empty for any other path.
   */
  public static Optional<String> endpointOf(String requestPath) {
    if (requestPath == null) {
      return Optional.empty();
    }
    String p = requestPath;
    for (String suffix : new String[] {"/", "/sse", "/messages"}) {
      if (p.endsWith(suffix) && p.length() > suffix.length()) {
        p = p.substring(0, p.length() - suffix.length());
        break;
      }
    }
    return PATH.matcher(p).matches() ? Optional.of(p) : Optional.empty();
  }
}
