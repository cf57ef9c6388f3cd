package dev.switchboard.web.pages;

import dev.switchboard.authserver.AuthorizationProblem;
import dev.switchboard.authserver.AuthorizationRequest;
import dev.switchboard.authserver.AuthorizationServer;
import dev.switchboard.authserver.ClientInfo;
import dev.switchboard.authserver.ConnectedApp;
import dev.switchboard.bundle.Bundle;
import dev.switchboard.bundle.Bundles;
import dev.switchboard.bundle.ResolvedTool;
import dev.switchboard.error.SwitchboardException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The user side of the authorization server (docs/authorization-server.md): the authorization
 * endpoint, which signs the user in and asks for consent, and the Connected apps page, which lists
 * and revokes grants. A request whose client or redirect URI is wrong is shown as an error page and
 * never redirected (OAuth 2.1 §4.1.2.1); other refusals go back to the client only when its
 * redirect URI is a loopback one (no open redirect, RFC 9700 §4.11.2); Deny always goes back.
 */
final class ConsentPages {
  static final String AUTHORIZE = "/oauth/authorize";
  static final String APPS = "/connected-apps";
  private static final List<String> PARAMETERS = List.of("response_type", "client_id", "redirect_uri",
      "code_challenge", "code_challenge_method", "resource", "state", "scope");
  private final AuthorizationServer server;
  private final Bundles bundles;
  private final Guard guard;
  private final Renderer renderer;
  private final Frames frames;
  private final String baseUrl;

  ConsentPages(AuthorizationServer server, Bundles bundles, Guard guard, Renderer renderer, Frames frames,
      String baseUrl) {
    this.server = server;
    this.bundles = bundles;
    this.guard = guard;
    this.renderer = renderer;
    this.frames = frames;
    this.baseUrl = baseUrl;
  }

  void register(RoutesConfig routes) {
    routes.get(AUTHORIZE, this::authorize);
    routes.post(AUTHORIZE, guard.page(this::decide));
    routes.get(APPS, guard.page(this::apps));
    routes.post(APPS + "/{id}/revoke", guard.page((ctx, caller) -> {
      ConnectedApp app = server.revokeApp(caller.userId(), ctx.pathParam("id"));
      Flash.ok("Disconnected “" + app.clientName() + "”: its tokens no longer work.")
          .leave(ctx, guard.secureCookies());
      ctx.redirect(APPS, HttpStatus.SEE_OTHER);
    }));
  }

  private void authorize(Context ctx) throws Exception {
    Map<String, String> params = new LinkedHashMap<>();
    PARAMETERS.forEach(name -> {
      if (ctx.queryParam(name) != null) {
        params.put(name, ctx.queryParam(name));
      }
    });
    AuthorizationRequest request;
    try {
      request = server.check(params, ctx.ip());
    } catch (AuthorizationProblem e) {
      refuse(ctx, e);
      return;
    }
    if (guard.principal(ctx).isEmpty()) {
      // through the sign-in page and back, with the request's parameters re-encoded plainly
      String back = AUTHORIZE + "?" + query(request.parameters());
      ctx.redirect(SignInPages.PATH + "?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
      return;
    }
    guard.page((c, caller) -> consent(c, caller, request)).handle(ctx);
  }

  private void consent(Context ctx, Caller caller, AuthorizationRequest request) {
    ConsentPage model = model(caller, request);
    renderer.page(ctx, 200, "consent.jte", frames.of(caller, "Allow access?", "apps"), model);
    allowFormTo(ctx, request.redirectUri());
  }

  private ConsentPage model(Caller caller, AuthorizationRequest request) {
    List<String> tools = new ArrayList<>();
    Set<String> providers = new LinkedHashSet<>();
    String target;
    if (request.bundleSlug() == null) {
      target = "the hub: every bundle you enabled";
      List<String> names = new ArrayList<>();
      for (Bundle b : bundles.availableEnabled(caller.userId())) {
        names.add(b.name());
        collect(caller, b, tools, providers);
      }
      if (!names.isEmpty()) {
        target += " (" + String.join(", ", names) + ")";
      }
    } else {
      Bundle bundle = bundles.get(caller.userId(), request.bundleSlug());
      if (!bundles.usable(caller.userId(), bundle)) {
        throw SwitchboardException.notFound("bundle");
      }
      target = "the bundle “" + bundle.name() + "”";
      collect(caller, bundle, tools, providers);
    }
    ClientInfo client = request.client();
    return new ConsentPage(client.name(), ClientInfo.schemeAndHostOf(request.redirectUri()), client.verified(),
        client.verified() ? client.id() : null, target, request.resource(), List.copyOf(tools),
        List.copyOf(providers), request.parameters());
  }

  private void collect(Caller caller, Bundle bundle, List<String> tools, Set<String> providers) {
    for (ResolvedTool t : bundles.view(caller.userId(), bundle).tools()) {
      tools.add(t.tool().name());
      providers.add(t.tool().provider());
    }
  }

  private void decide(Context ctx, Caller caller) {
    Map<String, String> params = new LinkedHashMap<>();
    PARAMETERS.forEach(name -> {
      if (ctx.formParam(name) != null) {
        params.put(name, ctx.formParam(name));
      }
    });
    AuthorizationRequest request;
    try {
      request = server.check(params, ctx.ip());
    } catch (AuthorizationProblem e) {
      refuse(ctx, e);
      return;
    }
    Map<String, String> answer = new LinkedHashMap<>();
    if ("approve".equals(ctx.formParam("decision"))) {
      if (request.bundleSlug() != null) {
        Bundle bundle = bundles.get(caller.userId(), request.bundleSlug());
        if (!bundles.usable(caller.userId(), bundle)) {
          throw SwitchboardException.notFound("bundle");
        }
      }
      answer.put("code", server.approve(caller.userId(), request));
    } else {
      answer.put("error", "access_denied");
      answer.put("error_description", "the user denied access");
    }
    redirectBack(ctx, request.redirectUri(), request.state(), answer);
  }

  private void apps(Context ctx, Caller caller) {
    List<ConnectedAppRow> rows = server.apps(caller.userId()).stream().map(a -> new ConnectedAppRow(a.id(),
        a.clientName(), a.redirectHost(), a.verified(), a.resourcePath(), Text.when(a.createdAt()),
        Text.when(a.lastUsedAt()), a.revokedAt().map(Text::when).orElse(null))).toList();
    renderer.page(ctx, 200, "connected-apps.jte", frames.of(caller, "Connected apps", "apps"),
        new ConnectedAppsPage(rows, baseUrl));
  }

  /**
   * A request refused before the user decided anything. Redirecting it would make this server an
   * open redirector for anyone who registers a client (RFC 9700 §4.11.2), so the error is shown
   * here; only a loopback redirect URI (the user's own machine) gets it back. Deny always goes back.
   */
  private void refuse(Context ctx, AuthorizationProblem e) {
    if (e.redirectUri() == null || !isLoopback(e.redirectUri())) {
      renderer.error(ctx, 400, Shell.anonymous("Authorization refused", null),
          "This sign-in request cannot be used", Text.sentence(e.getMessage()));
      return;
    }
    Map<String, String> answer = new LinkedHashMap<>();
    answer.put("error", e.code());
    answer.put("error_description", e.getMessage());
    redirectBack(ctx, e.redirectUri(), e.state(), answer);
  }

  /** Back to the client with the answer, {@code state} and {@code iss} (RFC 9207). */
  private void redirectBack(Context ctx, String redirectUri, String state, Map<String, String> answer) {
    Map<String, String> all = new LinkedHashMap<>(answer);
    if (state != null) {
      all.put("state", state);
    }
    all.put("iss", issuer(ctx));
    String separator = redirectUri.contains("?") ? "&" : "?";
    ctx.redirect(redirectUri + separator + query(all), HttpStatus.SEE_OTHER);
  }

  /** The issuer as the client discovered it, as in the metadata: see {@code ResourceNames.origin}. */
  private String issuer(Context ctx) {
    return server.resources().origin(ctx.header("Host"));
  }

  private static boolean isLoopback(String redirectUri) {
    try {
      URI uri = URI.create(redirectUri);
      return "http".equals(uri.getScheme()) && uri.getHost() != null
          && Set.of("127.0.0.1", "localhost", "[::1]").contains(uri.getHost().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The consent form posts here, and the answer redirects to the client: the page's
   * {@code form-action} must allow that redirect's origin too (browsers apply it to redirects).
   */
  private static void allowFormTo(Context ctx, String redirectUri) {
    URI uri = URI.create(redirectUri);
    String source = uri.getHost() != null
        ? uri.getScheme() + "://" + uri.getRawAuthority()
        : uri.getScheme() + ":";
    ctx.header("Content-Security-Policy", Renderer.CSP.replace("form-action 'self'", "form-action 'self' " + source));
  }

  private static String query(Map<String, String> params) {
    StringBuilder out = new StringBuilder();
    params.forEach((k, v) -> {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    });
    return out.toString();
  }
}
