package dev.switchboard.web.pages;

import dev.switchboard.bundle.Bundle;
import dev.switchboard.bundle.BundleView;
import dev.switchboard.bundle.Bundles;
import dev.switchboard.bundle.ResolvedTool;
import dev.switchboard.credential.Credential;
import dev.switchboard.credential.CredentialFilter;
import dev.switchboard.credential.CredentialStatus;
import dev.switchboard.credential.Credentials;
import dev.switchboard.credential.Verification;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderRegistry;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Connections & Profiles (seed "Connections"): one card per profile (credential) with Service,
 * Account, Status and the actions View and Revoke. A bundle "uses" a profile when one of its tools
 * resolves to that credential for the person (their binding, else their current credential), as
 * the bundle service resolves it for MCP calls. Revoking erases the credential.
 */
final class ConnectionPages {
  static final String PATH = "/connections";
  private final Credentials credentials;
  private final Bundles bundles;
  private final ProviderRegistry catalog;
  private final Guard guard;
  private final Renderer renderer;
  private final Frames frames;

  ConnectionPages(Credentials credentials, Bundles bundles, ProviderRegistry catalog, Guard guard,
      Renderer renderer, Frames frames) {
    this.credentials = credentials;
    this.bundles = bundles;
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
    Map<String, List<UsedBy>> usage = usage(caller.userId());
    List<Credential> all = credentials.list(caller.userId(), new CredentialFilter(Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(), 200).items();
    renderer.page(ctx, 200, "connections.jte", frames.of(caller, "Connections & Profiles", "connections"),
        new ConnectionsPage(all.stream().map(c -> card(c, usage)).toList()));
  }

  private void detail(Context ctx, Caller caller, String template, String titlePrefix) {
    Credential c = credentials.get(caller.userId(), ctx.pathParam("id"));
    ProfileCard card = card(c, usage(caller.userId()));
    renderer.page(ctx, 200, template, frames.of(caller, titlePrefix + c.label(), "connections"),
        new ConnectionDetail(card, Labels.method(c.authMethod()), Text.word(c.status().name()),
            Badge.of(c.verification()), c.verificationMessage().orElse(null), c.current(),
            c.grantedScopes().isEmpty() ? null : c.grantedScopes().stream().sorted().collect(Collectors.joining(", ")),
            Text.when(c.createdAt()), Text.when(c.lastUsedAt()), Text.when(c.lastVerifiedAt()),
            c.fields().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).sorted().toList()));
  }

  private void revoke(Context ctx, Caller caller) {
    Credential c = credentials.get(caller.userId(), ctx.pathParam("id"));
    List<UsedBy> before = usage(caller.userId()).getOrDefault(c.id(), List.of());
    credentials.delete(caller.userId(), c.id());
    StringBuilder message = new StringBuilder("Revoked “" + c.label() + "”; the credential is erased.");
    if (!before.isEmpty()) {
      message.append(" Bundles that lost the connection: ");
      List<String> now = new ArrayList<>();
      for (UsedBy b : before) {
        now.add(b.name() + " (now " + Badge.of(bundles.readiness(caller.userId(), b.slug()).status()).word() + ")");
      }
      message.append(String.join(", ", now)).append('.');
    }
    Flash.ok(message.toString()).leave(ctx, guard.secureCookies());
    ctx.redirect(PATH, HttpStatus.SEE_OTHER);
  }

  private ProfileCard card(Credential c, Map<String, List<UsedBy>> usage) {
    Optional<Provider> p = catalog.find(c.provider());
    String name = p.map(Provider::name).orElse(c.provider());
    ConnectionRow row = new ConnectionRow(name + " — " + Labels.method(c.authMethod()),
        c.account().orElse("Configured"), status(c));
    return new ProfileCard(c.id(), c.label(), c.provider(), name, p.map(Provider::icon).orElse(null),
        List.of(row), usage.getOrDefault(c.id(), List.of()));
  }

  /** Credential id → the bundles (owned or enabled) whose tools run with it. */
  private Map<String, List<UsedBy>> usage(String userId) {
    Map<String, List<UsedBy>> out = new LinkedHashMap<>();
    List<String> enabled = bundles.enabledSlugs(userId);
    for (Bundle b : bundles.list(userId)) {
      if (!b.ownedBy(userId) && !enabled.contains(b.slug())) {
        continue;
      }
      BundleView view = bundles.view(userId, b.slug());
      List<String> ids = view.tools().stream().map(ResolvedTool::credential).flatMap(Optional::stream)
          .map(Credential::id).distinct().toList();
      if (ids.isEmpty()) {
        continue;
      }
      UsedBy used = new UsedBy(b.slug(), b.name(), Badge.of(bundles.readiness(userId, b.slug()).status()));
      ids.forEach(id -> out.computeIfAbsent(id, k -> new ArrayList<>()).add(used));
    }
    return out;
  }

  /** The seed's statuses: Active (working), Inactive (disabled or expired), Error; plus Unverified. */
  private static Badge status(Credential c) {
    if (c.status() == CredentialStatus.DISABLED) {
      return new Badge("⚪", "Inactive", "none");
    }
    if (c.verification() == Verification.EXPIRED) {
      return new Badge("🟠", "Inactive", "bad");
    }
    return switch (c.verification()) {
      case VERIFIED -> new Badge("🟢", "Active", "good");
      case ERROR -> new Badge("🔴", "Error", "bad");
      default -> new Badge("🟡", "Unverified", "warn");
    };
  }
}
