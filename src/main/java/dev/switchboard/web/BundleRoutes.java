package dev.switchboard.web;

import dev.switchboard.account.Principal;
import dev.switchboard.bundle.AttentionWatcher;
import dev.switchboard.bundle.Bundle;
import dev.switchboard.bundle.BundleChange;
import dev.switchboard.bundle.Bundles;
import dev.switchboard.bundle.Disabled;
import dev.switchboard.bundle.Publication;
import dev.switchboard.bundle.Readiness;
import dev.switchboard.error.FieldErrors;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bundles: {@code /api/v1/bundles} (DESIGN.md §6, §7). */
final class BundleRoutes {
  record BundleView(String slug, String name, String description, String category, String publication,
      String mode, List<String> tools, FeaturesView features, String mcpUrl, boolean owner, boolean enabled,
      Instant createdAt, Instant updatedAt) {}

  /** The features of its remote MCP providers a bundle offers besides tools (completions follow). */
  record FeaturesView(boolean resources, boolean prompts, boolean logging) {}

  record BindingView(String provider, String credential) {}

  /** The answer of disabling a bundle the caller can no longer see: its slug only. */
  record UnavailableView(String slug, boolean enabled, boolean available) {}

  record Bind(String provider, String credential) {}

  private final Bundles bundles;
  private final AttentionWatcher attention;
  private final Authenticator auth;
  private final Json json;
  private final String baseUrl;

  BundleRoutes(Bundles bundles, AttentionWatcher attention, Authenticator auth, Json json, String baseUrl) {
    this.bundles = bundles;
    this.attention = attention;
    this.auth = auth;
    this.json = json;
    this.baseUrl = baseUrl;
  }

  void register(ApiRoutes routes) {
    routes.get("/api/v1/bundles", this::list);
    routes.post("/api/v1/bundles", this::create);
    routes.get("/api/v1/bundles/{slug}", ctx -> answer(ctx, auth.require(ctx),
        b -> b.get(auth.require(ctx).userId(), ctx.pathParam("slug"))));
    routes.patch("/api/v1/bundles/{slug}", ctx -> {
      Principal p = auth.require(ctx);
      BundleChange change = json.read(ctx, BundleChange.class);
      Bundle updated = bundles.update(p.userId(), ctx.pathParam("slug"), change);
      attention.check(p.userId()); // its readiness is seen from now on: a fall is told
      json.write(ctx, 200, view(p, updated));
    });
    routes.delete("/api/v1/bundles/{slug}", ctx -> {
      Principal p = auth.require(ctx);
      bundles.delete(p.userId(), ctx.pathParam("slug"));
      ctx.status(204);
    });
    routes.post("/api/v1/bundles/{slug}/publish", ctx -> publication(ctx, Publication.PUBLISHED));
    routes.post("/api/v1/bundles/{slug}/deprecate", ctx -> publication(ctx, Publication.DEPRECATED));
    routes.post("/api/v1/bundles/{slug}/archive", ctx -> publication(ctx, Publication.ARCHIVED));
    routes.post("/api/v1/bundles/{slug}/enable", ctx -> {
      Principal p = auth.require(ctx);
      Bundle bundle = bundles.enable(p.userId(), ctx.pathParam("slug"));
      attention.check(p.userId());
      json.write(ctx, 200, view(p, bundle));
    });
    routes.post("/api/v1/bundles/{slug}/disable", ctx -> {
      Principal p = auth.require(ctx);
      Disabled disabled = bundles.disable(p.userId(), ctx.pathParam("slug"));
      json.write(ctx, 200, disabled.bundle().<Object>map(b -> view(p, b, false))
          .orElseGet(() -> new UnavailableView(disabled.slug(), false, false)));
    });
    routes.get("/api/v1/bundles/{slug}/readiness", ctx -> {
      Principal p = auth.require(ctx);
      Readiness r = bundles.readiness(p.userId(), ctx.pathParam("slug"));
      json.write(ctx, 200, r);
    });
    routes.get("/api/v1/bundles/{slug}/bindings", ctx -> {
      Principal p = auth.require(ctx);
      Map<String, String> bound = bundles.bindings(p.userId(), ctx.pathParam("slug"));
      json.write(ctx, 200, new Views.ItemsView<>(bound.entrySet().stream()
          .map(e -> new BindingView(e.getKey(), e.getValue())).toList(), null));
    });
    routes.post("/api/v1/bundles/{slug}/bindings", ctx -> {
      Principal p = auth.require(ctx);
      Bind body = json.read(ctx, Bind.class);
      if (body.provider() == null || body.provider().isBlank()) {
        throw new FieldErrors(Map.of("provider", "is required"));
      }
      bundles.bind(p.userId(), ctx.pathParam("slug"), body.provider(), Optional.ofNullable(body.credential()));
      attention.check(p.userId());
      json.write(ctx, 200, new BindingView(body.provider(), body.credential()));
    });
  }

  private interface Action {
    Bundle apply(Bundles bundles);
  }

  private void list(Context ctx) {
    Principal p = auth.require(ctx);
    List<String> enabled = bundles.enabledSlugs(p.userId());
    json.write(ctx, 200, new Views.ItemsView<>(bundles.list(p.userId()).stream()
        .map(b -> view(p, b, enabled.contains(b.slug()))).toList(), null));
  }

  private void create(Context ctx) {
    Principal p = auth.require(ctx);
    BundleChange change = json.read(ctx, BundleChange.class);
    Bundle created = bundles.create(p.userId(), change);
    attention.check(p.userId()); // its readiness is seen from now on: a fall is told
    json.write(ctx, 201, view(p, created, false));
  }

  private void publication(Context ctx, Publication publication) {
    Principal p = auth.require(ctx);
    answer(ctx, p, b -> b.publish(p.userId(), ctx.pathParam("slug"), publication));
  }

  private void answer(Context ctx, Principal p, Action action) {
    json.write(ctx, 200, view(p, action.apply(bundles)));
  }

  private BundleView view(Principal p, Bundle b) {
    return view(p, b, bundles.enabledSlugs(p.userId()).contains(b.slug()));
  }

  private BundleView view(Principal p, Bundle b, boolean enabled) {
    return new BundleView(b.slug(), b.name(), b.description(), b.category(), b.publication().name(),
        b.mode().name(), b.tools(),
        new FeaturesView(b.features().resources(), b.features().prompts(), b.features().logging()),
        baseUrl + "/mcp/bundle/" + b.slug(), b.ownedBy(p.userId()), enabled, b.createdAt(), b.updatedAt());
  }
}
