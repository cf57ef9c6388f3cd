package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.OutboundGuard;
import dev.switchboard.upstream.RemoteMcpException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The URLs of the legacy HTTP+SSE transport (MCP 2024-11-05) a server is looked up at, and the POST
 * endpoint its stream names. Stateless.
 */
final class LegacyUrls {
  private LegacyUrls() {}

  /**
   * Where the event stream is looked for, in order: the registered URL itself, then the same URL
   * with its last path segment replaced by {@code sse} ({@code /mcp} → {@code /sse},
   * {@code /v1/mcp/} → {@code /v1/sse}, {@code /} → {@code /sse}); the query is kept. One URL when
   * both are the same.
   */
  static List<URI> candidates(URI url) {
    List<URI> urls = new ArrayList<>(List.of(url));
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    int slash = trimmed.lastIndexOf('/');
    String sse = (slash < 0 ? "" : trimmed.substring(0, slash)) + "/sse";
    if (!sse.equals(path)) {
      String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
      urls.add(URI.create(url.getScheme() + "://" + url.getRawAuthority() + sse + query));
    }
    return urls;
  }

  /**
   * The URL the {@code endpoint} event names (relative ones resolved against the stream's URL). It
   * must pass the guard and be on the stream's origin: the credential goes with every POST.
   *
   * @throws RemoteMcpException when it is not a URL or is on another origin
   * @throws dev.switchboard.upstream.OutboundBlockedException when the guard refuses it
   */
  static URI endpoint(URI streamUrl, String data, OutboundGuard guard) {
    if (data.isBlank()) {
      throw RemoteMcpException.protocol("the MCP server at " + Failures.target(streamUrl)
          + " sent an empty endpoint event");
    }
    URI endpoint = guard.check(Origins.resolve(streamUrl, data).toString());
    if (!Origins.same(streamUrl, endpoint)) {
      throw RemoteMcpException.protocol("the MCP server at " + Failures.target(streamUrl)
          + " named a message endpoint on another origin (" + Failures.target(endpoint)
          + "); Switchboard sends the credential only to the server's own origin");
    }
    return endpoint;
  }
}
