package dev.switchboard.web;

import dev.switchboard.authserver.AuthorizationServer;
import dev.switchboard.authserver.ClientInfo;
import dev.switchboard.authserver.IssuedTokens;
import dev.switchboard.authserver.OAuthProblem;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The machine side of the authorization server (docs/authorization-server.md): RFC 8414 metadata
 * (also at the OpenID discovery path and the path-suffixed variants clients try), the token
 * endpoint, RFC 7591 registration and RFC 7009 revocation. These take no cookie, so they answer
 * any origin ({@code Access-Control-Allow-Origin: *}) for browser-based clients. The authorization
 * endpoint, a page, lives with the dashboard.
 */
final class AuthorizationServerRoutes {
  static final String AUTHORIZE = "/oauth/authorize";
  static final String TOKEN = "/oauth/token";
  static final String REGISTER = "/oauth/register";
  static final String REVOKE = "/oauth/revoke";
  private static final String AS_META = "/.well-known/oauth-authorization-server";
  private static final String OIDC_META = "/.well-known/openid-configuration";
  private static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token");
  private final AuthorizationServer server;
  private final McpGate gate;
  private final JsonMapper json;
  private final Clock clock;

  AuthorizationServerRoutes(AuthorizationServer server, McpGate gate, JsonMapper json, Clock clock) {
    this.server = server;
    this.gate = gate;
    this.json = json;
    this.clock = clock;
  }

  void register(RoutesConfig routes) {
    // RFC 8414 §3.1 inserts the issuer's path after the well-known prefix; OpenID Connect
    // discovery appends it. Clients given an MCP URL try both with that URL's path.
    for (String path : List.of(AS_META, AS_META + "/<rest>", OIDC_META, OIDC_META + "/<rest>",
        "/mcp/hub" + OIDC_META, "/mcp/bundle/{slug}" + OIDC_META)) {
      cors(routes, path, "GET, OPTIONS");
      routes.get(path, this::metadata);
    }
    cors(routes, TOKEN, "POST, OPTIONS");
    routes.post(TOKEN, oauth(this::token));
    cors(routes, REGISTER, "POST, OPTIONS");
    routes.post(REGISTER, oauth(this::registerClient));
    cors(routes, REVOKE, "POST, OPTIONS");
    routes.post(REVOKE, oauth(this::revoke));
  }

  private static void cors(RoutesConfig routes, String path, String methods) {
    routes.before(path, ctx -> {
      ctx.header("Access-Control-Allow-Origin", "*");
      ctx.header("Access-Control-Expose-Headers", "WWW-Authenticate");
    });
    routes.options(path, ctx -> {
      ctx.header("Access-Control-Allow-Methods", methods);
      ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type, MCP-Protocol-Version");
      ctx.header("Access-Control-Max-Age", "600");
      ctx.status(204);
    });
  }

  private void metadata(Context ctx) {
    String origin = gate.origin(ctx.header("Host"));
    ObjectNode doc = json.createObjectNode();
    doc.put("issuer", origin);
    doc.put("authorization_endpoint", origin + AUTHORIZE);
    doc.put("token_endpoint", origin + TOKEN);
    doc.put("registration_endpoint", origin + REGISTER);
    doc.put("revocation_endpoint", origin + REVOKE);
    doc.putArray("response_types_supported").add("code");
    doc.putArray("response_modes_supported").add("query");
    doc.putArray("grant_types_supported").add("authorization_code").add("refresh_token");
    doc.putArray("code_challenge_methods_supported").add("S256");
    doc.putArray("token_endpoint_auth_methods_supported").add("none");
    doc.putArray("revocation_endpoint_auth_methods_supported").add("none");
    // MCP authorization 2025-11-25: clients may use the URL of their metadata document as client_id
    doc.put("client_id_metadata_document_supported", true);
    doc.put("authorization_response_iss_parameter_supported", true);
    doc.put("service_documentation", origin + "/connected-apps");
    ctx.header("Cache-Control", "max-age=300");
    ctx.contentType("application/json").result(json.writeValueAsBytes(doc));
  }

  private void token(Context ctx) {
    String clientId = clientId(ctx);
    String grantType = ctx.formParam("grant_type");
    IssuedTokens issued;
    if ("authorization_code".equals(grantType)) {
      issued = server.exchange(clientId, ctx.formParam("code"), ctx.formParam("redirect_uri"),
          ctx.formParam("code_verifier"), ctx.formParam("resource"));
    } else if ("refresh_token".equals(grantType)) {
      issued = server.refresh(clientId, ctx.formParam("refresh_token"), ctx.formParam("resource"));
    } else {
      throw OAuthProblem.badRequest("unsupported_grant_type",
          "grant_type must be authorization_code or refresh_token");
    }
    ObjectNode body = json.createObjectNode();
    body.put("access_token", issued.accessToken());
    body.put("token_type", "Bearer");
    body.put("expires_in", issued.expiresIn());
    body.put("refresh_token", issued.refreshToken());
    ctx.header("Cache-Control", "no-store");
    ctx.header("Pragma", "no-cache");
    ctx.contentType("application/json").result(json.writeValueAsBytes(body));
  }

  /** The client: {@code client_id} in the form, or the user name of HTTP Basic (RFC 6749 §2.3.1). */
  private static String clientId(Context ctx) {
    String form = ctx.formParam("client_id");
    String authorization = ctx.header("Authorization");
    if (form == null && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        return URLDecoder.decode(colon >= 0 ? pair.substring(0, colon) : pair, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new OAuthProblem(401, "invalid_client", "the Basic authorization header is malformed");
      }
    }
    return form;
  }

  private void registerClient(Context ctx) {
    JsonNode body;
    try {
      body = json.readTree(ctx.bodyAsBytes());
    } catch (JacksonException e) {
      throw OAuthProblem.badRequest("invalid_client_metadata", "the body must be a JSON object");
    }
    if (body == null || !body.isObject()) {
      throw OAuthProblem.badRequest("invalid_client_metadata", "the body must be a JSON object");
    }
    if (!body.path("redirect_uris").isArray()) {
      throw OAuthProblem.badRequest("invalid_redirect_uri", "redirect_uris must be an array of URIs");
    }
    List<String> redirects = new ArrayList<>();
    for (JsonNode r : body.path("redirect_uris")) {
      if (!r.isString()) {
        throw OAuthProblem.badRequest("invalid_redirect_uri", "redirect_uris must be an array of strings");
      }
      redirects.add(r.asString());
    }
    for (JsonNode g : body.path("grant_types")) {
      if (!GRANT_TYPES.contains(g.asString(""))) {
        throw OAuthProblem.badRequest("invalid_client_metadata",
            "grant_types may only hold authorization_code and refresh_token");
      }
    }
    for (JsonNode r : body.path("response_types")) {
      if (!"code".equals(r.asString(""))) {
        throw OAuthProblem.badRequest("invalid_client_metadata", "response_types may only hold code");
      }
    }
    ClientInfo client = server.register(body.path("client_name").asString(""), redirects, ctx.ip());
    ObjectNode out = json.createObjectNode();
    out.put("client_id", client.id());
    out.put("client_id_issued_at", clock.instant().getEpochSecond());
    out.put("client_name", client.name());
    ArrayNode uris = out.putArray("redirect_uris");
    client.redirectUris().forEach(uris::add);
    out.putArray("grant_types").add("authorization_code").add("refresh_token");
    out.putArray("response_types").add("code");
    out.put("token_endpoint_auth_method", "none");
    ctx.status(201).header("Cache-Control", "no-store").contentType("application/json")
        .result(json.writeValueAsBytes(out));
  }

  private void revoke(Context ctx) {
    // RFC 7009 §2.2: 200 whether or not the token was known
    // §2.1: when the client names itself, only its own tokens are revoked (others silently stay)
    server.revoke(ctx.formParam("token"), ctx.formParam("client_id"));
    ctx.status(200);
  }

  /** Answers {@link OAuthProblem}s in the OAuth shape instead of the API's error body. */
  private Handler oauth(Handler handler) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } catch (OAuthProblem e) {
        ObjectNode body = json.createObjectNode().put("error", e.code()).put("error_description", e.getMessage());
        if (e.status() == 401) {
          ctx.header("WWW-Authenticate", "Basic realm=\"switchboard\"");
        }
        ctx.status(e.status()).header("Cache-Control", "no-store").contentType("application/json")
            .result(json.writeValueAsBytes(body));
      }
    };
  }
}
