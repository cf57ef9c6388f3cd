package dev.switchboard.web;

import dev.switchboard.account.AccessTokens;
import dev.switchboard.account.Principal;
import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The checks every MCP request passes before the protocol: {@code Host} and {@code Origin} must
 * name this server (DNS-rebinding protection, MCP transports §security: 403 otherwise) and the
 * caller must send an access token (401 with {@code WWW-Authenticate} naming the RFC 9728
 * protected-resource metadata otherwise).
 */
final class McpGate {
  private final AccessTokens tokens;
  private final String baseUrl;
  private final Set<String> hosts;

  McpGate(AccessTokens tokens, String baseUrl) {
    this.tokens = tokens;
    this.baseUrl = baseUrl;
    this.hosts = new java.util.HashSet<>(java.util.List.of("localhost", "127.0.0.1", "[::1]"));
    this.hosts.add(host(baseUrl));
  }

  /** Empty when the request may go on; otherwise the status to answer (403). */
  Optional<String> originProblem(Context ctx) {
    String host = ctx.header("Host");
    if (host != null && !hosts.contains(stripPort(host.toLowerCase(Locale.ROOT)))) {
      return Optional.of("the Host header '" + host + "' does not name this server");
    }
    String origin = ctx.header("Origin");
    if (origin != null && !origin.equals("null")) {
      try {
        String originHost = URI.create(origin).getHost();
        if (originHost == null || !hosts.contains(originHost.toLowerCase(Locale.ROOT))) {
          return Optional.of("requests from the origin '" + origin + "' are not allowed");
        }
      } catch (IllegalArgumentException e) {
        return Optional.of("the Origin header is malformed");
      }
    }
    return Optional.empty();
  }

  Optional<Principal> caller(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return tokens.authenticate(authorization.substring(7).trim());
  }

  /**
   * The caller of an MCP request after the Host/Origin and token checks; when one fails, the
   * refusal (status and message) has been handed to {@code refuse} and the answer is empty.
   */
  Optional<Principal> admit(Context ctx, java.util.function.BiConsumer<Integer, String> refuse) {
    Optional<String> problem = originProblem(ctx);
    if (problem.isPresent()) {
      refuse.accept(403, problem.get());
      return Optional.empty();
    }
    Optional<Principal> caller = caller(ctx);
    if (caller.isEmpty()) {
      ctx.header("WWW-Authenticate", challenge(ctx.path()));
      refuse.accept(401, "send an access token as 'Authorization: Bearer sb_pat_…' "
          + "(create one in the dashboard under Access tokens)");
    } else if (caller.get().mustChangePassword()) {
      refuse.accept(403, "the token's user must change their password first (in the dashboard)");
      return Optional.empty();
    }
    return caller;
  }

  /** The {@code WWW-Authenticate} value of a 401 (RFC 6750 + RFC 9728 §5.1). */
  String challenge(String path) {
    return "Bearer realm=\"switchboard\", resource_metadata=\"" + baseUrl
        + "/.well-known/oauth-protected-resource" + path + "\"";
  }

  private static String host(String url) {
    String h = URI.create(url).getHost();
    return h == null ? "localhost" : h.toLowerCase(Locale.ROOT);
  }

  private static String stripPort(String hostHeader) {
    if (hostHeader.startsWith("[")) {
      int end = hostHeader.indexOf(']');
      return end > 0 ? hostHeader.substring(0, end + 1) : hostHeader;
    }
    int colon = hostHeader.indexOf(':');
    return colon >= 0 ? hostHeader.substring(0, colon) : hostHeader;
  }
}
