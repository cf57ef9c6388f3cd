package dev.switchboard.interop;

import dev.switchboard.testing.StreamingProxy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * A reverse proxy on 127.0.0.1 that adds {@code Authorization: Bearer TOKEN} to every request (any
 * the client sent is dropped) and forwards it to Switchboard, for MCP clients that cannot send a
 * header (the conformance suite). Transparent otherwise ({@link StreamingProxy}): the {@code Host}
 * and {@code Origin} headers pass unchanged, so Switchboard's DNS-rebinding checks see what the
 * client sent.
 */
final class AuthProxy implements AutoCloseable {
  private final StreamingProxy proxy;

  private AuthProxy(StreamingProxy proxy) {
    this.proxy = proxy;
  }

  /** A proxy to {@code targetBaseUrl} (scheme, host and port) adding {@code token}. */
  static AuthProxy start(String targetBaseUrl, String token) {
    StreamingProxy.Target target = new StreamingProxy.Target(URI.create(targetBaseUrl),
        Map.of("Authorization", "Bearer " + token));
    return new AuthProxy(StreamingProxy.start("auth-proxy", Set.of("authorization"), Duration.ofSeconds(30),
        (exchange, body) -> target));
  }

  /** {@code http://127.0.0.1:port} + {@code path}. */
  String url(String path) {
    return proxy.url(path);
  }

  @Override
  public void close() {
    proxy.close();
  }
}
