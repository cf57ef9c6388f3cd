package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.Header;
import dev.switchboard.upstream.HttpCall;
import dev.switchboard.upstream.HttpResult;
import dev.switchboard.upstream.OutboundGuard;
import dev.switchboard.upstream.UpstreamUnavailableException;
import dev.switchboard.upstream.UpstreamUnavailableException.Failure;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The next hop of a redirect (RFC 9110 §15.4), decided by hand so that the guard checks every
 * target before anything connects to it. 303, and 301/302 after a POST, become a GET without body;
 * 307/308 repeat the method and body. A redirect to another origin (scheme, host or port) keeps
 * only headers that cannot carry a credential, and is not followed when it would resend a body —
 * the 3xx answer is returned instead. Stateless.
 */
public final class Redirects {
  private Redirects() {}

  /** Whether {@code status} is a redirect this client follows. */
  public static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /**
   * The call to make next, or empty when {@code result} is final (not a redirect, no
   * {@code Location}, or a body that would cross origins).
   *
   * @throws dev.switchboard.upstream.OutboundBlockedException when the guard refuses the target
   * @throws UpstreamUnavailableException when the {@code Location} is not a valid URI reference
   */
  public static Optional<HttpCall> next(HttpCall call, HttpResult result, OutboundGuard guard) {
    int status = result.status();
    Optional<String> location = result.header("Location").map(String::trim);
    if (!isRedirect(status) || location.isEmpty() || location.get().isEmpty()) {
      return Optional.empty();
    }
    URI target = guard.check(resolve(call.uri(), location.get()).toString());
    boolean toGet = status == 303 || (status <= 302 && call.method().equals("POST"));
    String method = toGet && !call.method().equals("HEAD") ? "GET" : call.method();
    byte[] body = toGet ? new byte[0] : call.body();
    boolean sameOrigin = sameOrigin(call.uri(), target);
    if (!sameOrigin && body.length > 0) {
      return Optional.empty();
    }
    List<Header> headers = sameOrigin ? call.headers() : RequestHeaders.acrossOrigins(call.headers());
    return Optional.of(new HttpCall(method, target, headers, body,
        toGet ? Optional.empty() : call.contentType(), call.deadline(), call.maxResponseBytes()));
  }

  private static URI resolve(URI base, String location) {
    try {
      return base.resolve(location);
    } catch (IllegalArgumentException e) {
      throw new UpstreamUnavailableException(Failure.BROKEN,
          base.getHost() + " answered a redirect whose Location is not a valid URL");
    }
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    return uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }
}
