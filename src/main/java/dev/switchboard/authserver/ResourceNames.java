package dev.switchboard.authserver;

import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which MCP endpoint an RFC 8707 {@code resource} names. A token is bound to the endpoint's path
 * ({@code /mcp/hub} or {@code /mcp/bundle/{slug}}), not to the host: the same server answers to its
 * base URL and to the loopback aliases, and a client may use any of them. The host must still be
 * one of those, so a token for another server is never accepted here.
 */
public final class ResourceNames {
  public static final String HUB = "/mcp/hub";
  public static final String BUNDLE_PREFIX = "/mcp/bundle/";
  private static final Pattern PATH = Pattern.compile("/mcp/(hub|bundle/[A-Za-z0-9][A-Za-z0-9._-]{0,99})");
  private final Set<String> hosts;

  /** @param hosts host names this server answers to, lower case, IPv6 in brackets */
  public ResourceNames(Set<String> hosts) {
    this.hosts = Set.copyOf(hosts);
  }

  /** The names a server with this base URL answers to: its host and the loopback aliases. */
  public static ResourceNames forBaseUrl(String baseUrl) {
    String host = URI.create(baseUrl).getHost();
    Set<String> names = new HashSet<>(Set.of("localhost", "127.0.0.1", "[::1]"));
    names.add(host == null ? "localhost" : host.toLowerCase(Locale.ROOT));
    return new ResourceNames(names);
  }

  /** The MCP endpoint path a resource URL names, or empty when it names none of this server's. */
  public Optional<String> path(String resource) {
    if (resource == null || resource.length() > 2048) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(resource);
      if (uri.getHost() == null || uri.getRawFragment() != null || uri.getRawQuery() != null
          || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || !hosts.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
        return Optional.empty();
      }
      return endpointOf(uri.getPath());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
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
