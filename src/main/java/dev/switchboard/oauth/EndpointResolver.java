package dev.switchboard.oauth;

import dev.switchboard.error.ErrorKind;
import dev.switchboard.provider.OAuth2Method;
import dev.switchboard.upstream.HttpCall;
import dev.switchboard.upstream.HttpResult;
import dev.switchboard.upstream.OutboundGuard;
import dev.switchboard.upstream.OutboundHttp;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provider's OAuth endpoints: from the catalog, or discovered from its issuer — RFC 8414 metadata
 * at the path-insertion URL ({@code https://host/.well-known/oauth-authorization-server/path}), then
 * OpenID Connect discovery ({@code issuer + /.well-known/openid-configuration}). Discovery goes
 * through the SSRF guard and is cached per issuer. Explicit catalog URLs win.
 */
public final class EndpointResolver {
  private final OutboundHttp http;
  private final OutboundGuard guard;
  private final JsonMapper json;
  private final Clock clock;
  private final Map<String, JsonNode> discovered = new ConcurrentHashMap<>();

  public EndpointResolver(OutboundHttp http, OutboundGuard guard, JsonMapper json, Clock clock) {
    this.http = http;
    this.guard = guard;
    this.json = json;
    this.clock = clock;
  }

  public Endpoints resolve(OAuth2Method method) {
    JsonNode meta = method.issuer() == null ? json.createObjectNode()
        : discovered.computeIfAbsent(method.issuer(), this::discover);
    String authorize = pick(method.authorizeUrl(), meta, "authorization_endpoint");
    String token = pick(method.tokenUrl(), meta, "token_endpoint");
    if (authorize == null || token == null) {
      throw new OAuthException(ErrorKind.UPSTREAM_UNAVAILABLE, "oauth_discovery_failed",
          "the authorization server's metadata names no authorization or token endpoint");
    }
    return new Endpoints(authorize, token, Optional.ofNullable(pick(method.revokeUrl(), meta, "revocation_endpoint")),
        Optional.ofNullable(pick(method.userinfoUrl(), meta, "userinfo_endpoint")));
  }

  private JsonNode discover(String issuer) {
    URI uri = guard.check(issuer);
    String path = uri.getRawPath() == null || uri.getRawPath().equals("/") ? "" : uri.getRawPath();
    String origin = uri.getScheme() + "://" + uri.getRawAuthority();
    List<String> candidates = List.of(origin + "/.well-known/oauth-authorization-server" + path,
        stripSlash(issuer) + "/.well-known/openid-configuration");
    for (String candidate : candidates) {
      try {
        HttpResult r = http.send(HttpCall.get(guard.check(candidate), clock.instant().plus(Duration.ofSeconds(15)),
            1024 * 1024));
        if (r.isSuccess()) {
          JsonNode meta = json.readTree(r.body());
          if (meta.path("token_endpoint").isString()) {
            return meta;
          }
        }
      } catch (RuntimeException e) {
        // try the next discovery URL
      }
    }
    throw new OAuthException(ErrorKind.UPSTREAM_UNAVAILABLE, "oauth_discovery_failed",
        "no OAuth or OpenID metadata found for the issuer " + issuer);
  }

  private static String pick(String explicit, JsonNode meta, String field) {
    if (explicit != null) {
      return explicit;
    }
    JsonNode v = meta.path(field);
    return v.isString() ? v.asString() : null;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
