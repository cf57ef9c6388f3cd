package dev.switchboard.web;

import dev.switchboard.account.AccessTokens;
import dev.switchboard.account.Principal;
import dev.switchboard.authserver.AuthorizationServer;
import dev.switchboard.authserver.ResourceNames;
import dev.switchboard.authserver.TokenHolder;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The checks every MCP request passes before the protocol: {@code Host} and {@code Origin} must
 * name this server (DNS-rebinding protection, MCP transports §security: 403 otherwise) and the
 * caller must send a token: a personal access token, or an OAuth access token issued by
 * {@link AuthorizationServer} for exactly this endpoint (RFC 8707 audience, checked on every
 * request). Without a token the answer is 401 with {@code WWW-Authenticate} naming the RFC 9728
 * protected-resource metadata; with a bad one, the same plus {@code error="invalid_token"} (RFC 6750 §3.1).
 */
final class McpGate {
  private final AccessTokens tokens;
  private final AuthorizationServer authServer;
  private final String baseUrl;
  private final String baseHost;
  private final Set<String> hosts;

  McpGate(AccessTokens tokens, AuthorizationServer authServer, String baseUrl) {
    this.tokens = tokens;
    this.authServer = authServer;
    this.baseUrl = baseUrl;
    this.baseHost = host(baseUrl);
    this.hosts = new HashSet<>(List.of("localhost", "127.0.0.1", "[::1]"));
    this.hosts.add(baseHost);
  }

  /** Empty when the request may go on; otherwise the status to answer (403). */
  Optional<String> originProblem(WebCall ctx) {
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

  /** The origin the client used to reach this server (from its {@code Host}): see {@link ResourceNames#origin}. */
  String origin(String hostHeader) {
    return authServer.resources().origin(hostHeader);
  }

  /**
   * The caller of an MCP request after the Host/Origin and token checks; when one fails, the
   * refusal (status and message) has been handed to {@code refuse} and the answer is empty.
   */
  Optional<Principal> admit(WebCall ctx, BiConsumer<Integer, String> refuse) {
    Optional<String> problem = originProblem(ctx);
    if (problem.isPresent()) {
      refuse.accept(403, problem.get());
      return Optional.empty();
    }
    String token = Bearer.token(ctx.header("Authorization"));
    if (token == null) {
      ctx.header("WWW-Authenticate", challenge(ctx, null));
      refuse.accept(401, "sign in with OAuth, or send an access token as 'Authorization: Bearer sb_pat_…' "
          + "(create one in the dashboard under Access tokens)");
      return Optional.empty();
    }
    Optional<Principal> caller;
    if (token.startsWith(AuthorizationServer.ACCESS_PREFIX)) {
      Optional<TokenHolder> holder = authServer.authenticate(token);
      if (holder.isEmpty()) {
        return invalidToken(ctx, refuse, "the access token is unknown, expired or revoked");
      }
      if (!ResourceNames.endpointOf(ctx.path()).map(holder.get().resourcePath()::equals).orElse(false)) {
        // RFC 8707 / MCP authorization "Token Audience Binding": a token is good for one endpoint only
        return invalidToken(ctx, refuse, "the access token was issued for another MCP endpoint");
      }
      caller = Optional.of(holder.get().principal());
    } else {
      caller = tokens.authenticate(token);
      if (caller.isEmpty()) {
        return invalidToken(ctx, refuse, "the access token is unknown or revoked");
      }
    }
    if (caller.get().mustChangePassword()) {
      refuse.accept(403, "the token's user must change their password first (in the dashboard)");
      return Optional.empty();
    }
    return caller;
  }

  private Optional<Principal> invalidToken(WebCall ctx, BiConsumer<Integer, String> refuse, String message) {
    ctx.header("WWW-Authenticate", challenge(ctx, message));
    refuse.accept(401, message);
    return Optional.empty();
  }

  /** The {@code WWW-Authenticate} value of a 401 (RFC 6750 §3 + RFC 9728 §5.1). */
  String challenge(WebCall ctx, String invalidTokenMessage) {
    String endpoint = ResourceNames.endpointOf(ctx.path()).orElse("");
    String value = "Bearer realm=\"switchboard\", resource_metadata=\"" + origin(ctx.header("Host"))
        + "/.well-known/oauth-protected-resource" + endpoint + "\"";
    if (invalidTokenMessage != null) {
      value += ", error=\"invalid_token\", error_description=\"" + invalidTokenMessage + "\"";
    }
    return value;
  }

  private static String host(String url) {
    String h = URI.create(url).getHost();
    return h == null ? "localhost" : h.toLowerCase(Locale.ROOT);
  }

  static String stripPort(String hostHeader) {
    if (hostHeader.startsWith("[")) {
      int end = hostHeader.indexOf(']');
      return end > 0 ? hostHeader.substring(0, end + 1) : hostHeader;
    }
    int colon = hostHeader.indexOf(':');
    return colon >= 0 ? hostHeader.substring(0, colon) : hostHeader;
  }
}
