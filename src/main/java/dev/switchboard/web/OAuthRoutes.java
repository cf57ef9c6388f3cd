package dev.switchboard.web;

import dev.switchboard.account.Principal;
import dev.switchboard.credential.Credential;
import dev.switchboard.credential.Credentials;
import dev.switchboard.credential.Verification;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.oauth.OAuthApps;
import dev.switchboard.oauth.OAuthFlow;
import dev.switchboard.oauth.TokenRefresher;
import dev.switchboard.provider.AuthMethodType;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The OAuth routes: start a connection, the provider's redirect back, a forced refresh, and the
 * administrators' OAuth app settings.
 */
final class OAuthRoutes {
  record Start(String credential) {}

  record AppChange(String clientId, String clientSecret) {}

  private final OAuthFlow flow;
  private final OAuthApps apps;
  private final TokenRefresher refresher;
  private final Credentials credentials;
  private final Authenticator auth;
  private final Json json;

  OAuthRoutes(OAuthFlow flow, OAuthApps apps, TokenRefresher refresher, Credentials credentials,
      Authenticator auth, Json json) {
    this.flow = flow;
    this.apps = apps;
    this.refresher = refresher;
    this.credentials = credentials;
    this.auth = auth;
    this.json = json;
  }

  void register(ApiRoutes api, RoutesConfig routes) {
    api.post("/api/v1/oauth/{provider}/start", ctx -> {
      Principal p = auth.require(ctx);
      Start body = json.read(ctx, Start.class);
      Optional<String> credential = Optional.ofNullable(body.credential())
          .or(() -> Optional.ofNullable(ctx.queryParam("credential")));
      String url = flow.start(p.userId(), ctx.pathParam("provider"), credential);
      json.write(ctx, 200, Map.of("authorizationUrl", url, "redirectUri", flow.redirectUri()));
    });
    api.post("/api/v1/credentials/{id}/refresh", ctx -> {
      Principal p = auth.require(ctx);
      Credential c = credentials.get(p.userId(), ctx.pathParam("id"));
      if (c.authMethod() != AuthMethodType.OAUTH2) {
        throw SwitchboardException.invalid("not_oauth_credential", "only OAuth credentials are refreshed");
      }
      refresher.refreshNow(c, p.userId());
      json.write(ctx, 200, Views.CredentialView.of(credentials.get(p.userId(), c.id())));
    });
    api.get("/api/v1/admin/oauth-apps/{provider}", ctx -> {
      auth.requireAdmin(ctx);
      OAuthApps.App app = apps.find(ctx.pathParam("provider"))
          .orElseThrow(() -> SwitchboardException.notFound("OAuth app"));
      json.write(ctx, 200, Map.of("provider", app.provider(), "clientId", app.clientId(),
          "hasSecret", app.hasSecret(), "redirectUri", flow.redirectUri()));
    });
    api.post("/api/v1/admin/oauth-apps/{provider}", ctx -> {
      auth.requireAdmin(ctx);
      AppChange body = json.read(ctx, AppChange.class);
      OAuthApps.App app = apps.set(ctx.pathParam("provider"), body.clientId(), body.clientSecret());
      json.write(ctx, 200, Map.of("provider", app.provider(), "clientId", app.clientId(),
          "hasSecret", app.hasSecret(), "redirectUri", flow.redirectUri()));
    });
    routes.get("/oauth/callback", this::callback);
  }

  private void callback(Context ctx) {
    Optional<String> sessionUser = auth.optional(ctx).map(Principal::userId);
    try {
      Credential c = flow.callback(ctx.queryParam("state"), ctx.queryParam("code"), ctx.queryParam("error"),
          ctx.queryParam("error_description"), sessionUser);
      boolean ok = c.verification() == Verification.VERIFIED;
      Set<String> missing = flow.missingScopes(c.userId(), c);
      String title = !ok ? "Connected, but validation failed"
          : missing.isEmpty() ? "Connected" : "Connected with a partial grant";
      String message = !ok ? "The tokens were saved but the validation tool failed: "
          + c.verificationMessage().orElse("unknown error") + "."
          : missing.isEmpty()
              ? "Your " + c.provider() + " account is connected and verified. You can close this window."
          : "Your " + c.provider() + " account is connected, but the grant is partial: " + c.provider()
              + " did not grant " + String.join(", ", missing) + ", so the tools that need "
              + (missing.size() == 1 ? "it" : "them") + " stay unavailable. Re-authorize and grant "
              + (missing.size() == 1 ? "it" : "them") + " to use those tools.";
      page(ctx, 200, title, message, c.provider());
    } catch (SwitchboardException e) {
      page(ctx, e.kind().httpStatus(), "Not connected", e.getMessage(), null);
    }
  }

  private static void page(Context ctx, int status, String title, String message, String provider) {
    String link = provider == null ? "/" : "/providers/" + Html.escape(provider);
    ctx.status(status).contentType("text/html; charset=utf-8").header("Cache-Control", "no-store")
        .header("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
        .result("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.escape(title)
            + " — Switchboard</title><link rel=\"stylesheet\" href=\"/static/app.css\">"
            + "<script src=\"/static/oauth-done.js\" defer></script></head><body><main><h1 id=\"oauth-title\">"
            + Html.escape(title) + "</h1><p>" + Html.escape(message) + "</p><p><a href=\"" + link
            + "\">Back to Switchboard</a></p></main></body></html>");
  }
}
