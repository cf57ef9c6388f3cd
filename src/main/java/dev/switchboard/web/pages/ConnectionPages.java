package dev.switchboard.web.pages;

import dev.switchboard.connection.ConnectionStatus;
import dev.switchboard.connection.Connections;
import dev.switchboard.connection.Profile;
import dev.switchboard.connection.Revocation;
import dev.switchboard.credential.Credential;
import dev.switchboard.credential.Credentials;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderRegistry;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Connections & Profiles (seed "Connections"): one card per profile (credential) with a row per
 * connection — each bundle it serves — showing Service, Account, Status and the actions View and
 * Revoke. The view comes from {@link Connections}, as {@code /api/v1/connections} does. Revoking a
 * profile erases its credential and ends every connection using it.
 */
final class ConnectionPages {
  static final String PATH = "/connections";
  private final Connections connections;
  private final Credentials credentials;
  private final ProviderRegistry catalog;
  private final Guard guard;
  private final Renderer renderer;
  private final Frames frames;

  ConnectionPages(Connections connections, Credentials credentials, ProviderRegistry catalog, Guard guard,
      Renderer renderer, Frames frames) {
    this.connections = connections;
    this.credentials = credentials;
    this.catalog = catalog;
    this.guard = guard;
    this.renderer = renderer;
    this.frames = frames;
  }

  void register(RoutesConfig routes) {
    routes.get(PATH, guard.page(this::list));
    routes.get(PATH + "/{id}", guard.page((ctx, caller) -> detail(ctx, caller, "connection.jte", "")));
    routes.get(PATH + "/{id}/revoke", guard.page((ctx, caller) -> detail(ctx, caller, "revoke.jte", "Revoke ")));
    routes.post(PATH + "/{id}/revoke", guard.page(this::revoke));
  }

  private void list(Context ctx, Caller caller) {
    renderer.page(ctx, 200, "connections.jte", frames.of(caller, "Connections & Profiles", "connections"),
        new ConnectionsPage(connections.list(caller.userId()).stream().map(this::card).toList()));
  }

  private void detail(Context ctx, Caller caller, String template, String titlePrefix) {
    Profile profile = connections.get(caller.userId(), ctx.pathParam("id"));
    Credential c = credentials.get(caller.userId(), profile.id());
    renderer.page(ctx, 200, template, frames.of(caller, titlePrefix + c.label(), "connections"),
        new ConnectionDetail(card(profile), Labels.method(c.authMethod()), Text.word(c.status().name()),
            Badge.of(c.verification()), c.verificationMessage().orElse(null), c.current(),
            c.grantedScopes().isEmpty() ? null : c.grantedScopes().stream().sorted().collect(Collectors.joining(", ")),
            Text.when(c.createdAt()), Text.when(c.lastUsedAt()), Text.when(c.lastVerifiedAt()),
            c.fields().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).sorted().toList()));
  }

  private void revoke(Context ctx, Caller caller) {
    Revocation r = connections.revoke(caller.userId(), ctx.pathParam("id"));
    StringBuilder message = new StringBuilder("Revoked “" + r.profile().name() + "”; the credential is erased.");
    if (!r.affected().isEmpty()) {
      message.append(" Bundles that lost the connection: ").append(r.affected().stream()
          .map(b -> b.bundleName() + " (now " + Badge.of(b.readiness()).word() + ")")
          .collect(Collectors.joining(", "))).append('.');
    }
    Flash.ok(message.toString()).leave(ctx, guard.secureCookies());
    ctx.redirect(PATH, HttpStatus.SEE_OTHER);
  }

  private ProfileCard card(Profile p) {
    Badge status = status(p.status());
    List<ConnectionRow> rows = p.connections().isEmpty()
        ? List.of(new ConnectionRow(null, null, null, p.service(), p.account(), status))
        : p.connections().stream().map(c -> new ConnectionRow(c.bundleSlug(), c.bundleName(),
            Badge.of(c.readiness()), p.service(), p.account(), status)).toList();
    List<UsedBy> bundles = p.connections().stream()
        .map(c -> new UsedBy(c.bundleSlug(), c.bundleName(), Badge.of(c.readiness()))).toList();
    return new ProfileCard(p.id(), p.name(), p.provider(), p.providerName(),
        catalog.find(p.provider()).map(Provider::icon).orElse(null), rows, bundles,
        p.partialGrant() ? p.missingScopes().stream().sorted().collect(Collectors.joining(", ")) : null);
  }

  /** The seed's statuses: Active (working), Inactive (disabled or expired), Error; plus Unverified. */
  private static Badge status(ConnectionStatus status) {
    return switch (status) {
      case ACTIVE -> new Badge("🟢", "Active", "good");
      case INACTIVE -> new Badge("⚪", "Inactive", "none");
      case ERROR -> new Badge("🔴", "Error", "bad");
      case UNVERIFIED -> new Badge("🟡", "Unverified", "warn");
    };
  }
}
