package dev.switchboard.web.pages;

import dev.switchboard.connection.Connections;
import dev.switchboard.web.WebDependencies;
import io.javalin.config.JavalinConfig;

/**
 * The server-rendered dashboard (DESIGN.md §7): sign-in, Providers and each provider's page,
 * Bundles, Connections & Profiles, Executions, Notifications, Access tokens and Admin. Pages call the
 * same services as the REST API, so the rules are the API's; they render jte templates compiled at
 * build time; their scripts are static files (htmx from its webjar, {@code /static/app.js}) so that
 * the Content-Security-Policy allows no inline script. Every state change needs the session's CSRF
 * token.
 */
public final class Dashboard {
  private final WebDependencies deps;

  public Dashboard(WebDependencies deps) {
    this.deps = deps;
  }

  /** Adds the pages and their static files to a Javalin configuration. */
  public void register(JavalinConfig config) {
    Renderer renderer = new Renderer();
    Frames frames = new Frames(deps.notifications());
    Guard guard = new Guard(deps.sessions(), deps.users(), renderer, frames, deps.secureCookies());
    ToolArguments arguments = new ToolArguments(deps.json());
    ProviderPageBuilder providerPage = new ProviderPageBuilder(deps.catalog(), deps.credentials(), deps.tools(), arguments,
        deps.oauth().requestedScopes());
    var routes = config.routes;
    new StaticAssets().register(routes);
    new SignInPages(deps.sessions(), guard, renderer,
        (int) Math.min(Integer.MAX_VALUE, deps.sessionTtl().toSeconds())).register(routes);
    new PasswordPage(deps.accounts(), guard, renderer, frames).register(routes);
    new ProviderPages(deps.catalog(), deps.credentials(), providerPage, guard, renderer, frames).register(routes);
    new CredentialActions(deps.catalog(), deps.credentials(), deps.creation(), deps.verifier(), deps.tools(),
        arguments, providerPage, guard, renderer, frames).register(routes);
    new BundlePages(deps.bundles(), deps.attention(), new BundlePageBuilder(deps.bundles(), deps.credentials(),
        deps.tools(), deps.catalog(), new ClientConfigs(deps.json()), deps.baseUrl()), guard, renderer, frames)
        .register(routes);
    new ConnectionPages(new Connections(deps.credentials(), deps.bundles(), deps.catalog(),
        deps.oauth().requestedScopes()), deps.credentials(), deps.catalog(), guard, renderer, frames).register(routes);
    new ActivityPages(deps.executions(), deps.notifications(), deps.bundles(), deps.catalog(), guard, renderer,
        frames).register(routes);
    new TokenPages(deps.tokens(), guard, renderer, frames).register(routes);
    new ConsentPages(deps.authServer(), deps.bundles(), guard, renderer, frames, deps.baseUrl()).register(routes);
    new AdminPages(deps.users(), deps.accounts(), deps.providerAdmin(), deps.catalog(), deps.oauthApps(), deps.oauth().redirectUri(),
        guard, renderer, frames).register(routes);
  }
}
