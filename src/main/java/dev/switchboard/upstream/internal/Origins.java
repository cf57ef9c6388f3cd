package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.OutboundGuard;
import dev.switchboard.upstream.RemoteMcpException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps a remote MCP session on the origin (scheme, host, port) of the server's registered URL: the
 * credential's headers go with every request, so a redirect or an SSE endpoint elsewhere is refused,
 * never followed. Stateless.
 */
final class Origins {
  private Origins() {}

  static boolean same(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  /**
   * Where a redirect answer points, when it is one to follow: 307/308 for a POST (method and body
   * are kept, RFC 9110 §15.4.8), any of 301/302/303/307/308 for a GET.
   *
   * @throws RemoteMcpException when the target is on another origin
   * @throws dev.switchboard.upstream.OutboundBlockedException when the guard refuses the target
   */
  static Optional<URI> redirect(URI from, ResponseHead head, boolean post, OutboundGuard guard) {
    int status = head.status();
    boolean follow = post ? status == 307 || status == 308 : Redirects.isRedirect(status);
    Optional<String> location = head.header("Location").map(String::trim).filter(l -> !l.isEmpty());
    if (!follow || location.isEmpty()) {
      return Optional.empty();
    }
    URI target = guard.check(resolve(from, location.get()).toString());
    if (!same(from, target)) {
      throw RemoteMcpException.protocol("the MCP server at " + Failures.target(from)
          + " redirects to another origin (" + Failures.target(target) + "); Switchboard sends the"
          + " credential only to the registered origin, so register the final URL instead");
    }
    return Optional.of(target);
  }

  /** {@code reference} resolved against {@code base}. */
  static URI resolve(URI base, String reference) {
    try {
      return base.resolve(reference.trim());
    } catch (IllegalArgumentException e) {
      throw RemoteMcpException.protocol("the MCP server at " + Failures.target(base)
          + " named a URL that is not valid");
    }
  }

  private static int port(URI uri) {
    return uri.getPort() != -1 ? uri.getPort()
        : uri.getScheme().toLowerCase(Locale.ROOT).equals("https") ? 443 : 80;
  }
}
