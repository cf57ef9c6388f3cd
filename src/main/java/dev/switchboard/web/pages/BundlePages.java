package dev.switchboard.web.pages;

import dev.switchboard.bundle.AttentionWatcher;
import dev.switchboard.bundle.Bundle;
import dev.switchboard.bundle.BundleChange;
import dev.switchboard.bundle.BundleMode;
import dev.switchboard.bundle.Bundles;
import dev.switchboard.bundle.Disabled;
import dev.switchboard.bundle.FeatureChange;
import dev.switchboard.bundle.Publication;
import dev.switchboard.bundle.Readiness;
import dev.switchboard.error.FieldErrors;
import dev.switchboard.error.SwitchboardException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Bundles page and the forms that create and change bundles, on the same services as the API. */
final class BundlePages {
  static final String PATH = "/bundles";
  private final Bundles bundles;
  private final AttentionWatcher attention;
  private final BundlePageBuilder builder;
  private final Guard guard;
  private final Renderer renderer;
  private final Frames frames;

  BundlePages(Bundles bundles, AttentionWatcher attention, BundlePageBuilder builder, Guard guard,
      Renderer renderer, Frames frames) {
    this.bundles = bundles;
    this.attention = attention;
    this.builder = builder;
    this.guard = guard;
    this.renderer = renderer;
    this.frames = frames;
  }

  void register(RoutesConfig routes) {
    routes.get(PATH, guard.page((ctx, caller) -> list(ctx, caller, 200, form("", "", "", "DIRECT", Map.of()))));
    routes.post(PATH, guard.page(this::create));
    routes.get(PATH + "/{slug}", guard.page((ctx, caller) -> show(ctx, caller, 200, null)));
    routes.post(PATH + "/{slug}/tools", guard.page((ctx, caller) -> change(ctx, caller,
        new BundleChange(null, null, null, null, null, null, ctx.formParams("tool"), null, null),
        ctx.formParams("tool").isEmpty() ? null : "Added " + count(ctx.formParams("tool").size()) + ".",
        "Tick at least one tool to add.")));
    routes.post(PATH + "/{slug}/tools/remove", guard.page((ctx, caller) -> change(ctx, caller,
        new BundleChange(null, null, null, null, null, null, null, ctx.formParams("tool"), null),
        "Removed " + String.join(", ", ctx.formParams("tool")) + ".", "Choose a tool to remove.")));
    routes.post(PATH + "/{slug}/mode", guard.page((ctx, caller) -> change(ctx, caller,
        new BundleChange(null, null, null, null, ctx.formParam("mode"), null, null, null, null),
        "Mode is now " + Text.word(String.valueOf(ctx.formParam("mode"))) + ".", "Choose a mode.")));
    routes.post(PATH + "/{slug}/features", guard.page((ctx, caller) -> change(ctx, caller,
        new BundleChange(null, null, null, null, null, null, null, null, FeatureChange.of(
            ctx.formParam("resources") != null, ctx.formParam("prompts") != null, ctx.formParam("logging") != null)),
        "Features saved: requests and notifications follow it now; clients see the new capabilities when "
            + "they next connect.", "Choose the features to offer.")));
    routes.post(PATH + "/{slug}/publish", guard.page((ctx, caller) -> {
      Bundle b = bundles.publish(caller.userId(), ctx.pathParam("slug"), Publication.PUBLISHED);
      done(ctx, b.slug(), Flash.ok("“" + b.name() + "” is published: every user can now enable it and use it "
          + "with their own credentials."));
    }));
    routes.post(PATH + "/{slug}/enable", guard.page((ctx, caller) -> {
      Bundle b = bundles.enable(caller.userId(), ctx.pathParam("slug"));
      attention.check(caller.userId());
      done(ctx, b.slug(), Flash.ok("“" + b.name() + "” is enabled: it is part of your hub (/mcp/hub)."));
    }));
    routes.post(PATH + "/{slug}/disable", guard.page((ctx, caller) -> {
      Disabled d = bundles.disable(caller.userId(), ctx.pathParam("slug"));
      if (d.bundle().isEmpty()) {
        // the bundle is no longer visible: back to the list, where the enablement is now gone
        Flash.ok("“" + d.slug() + "” is disabled and no longer in your hub.").leave(ctx, guard.secureCookies());
        ctx.redirect(PATH, HttpStatus.SEE_OTHER);
        return;
      }
      done(ctx, d.slug(), Flash.ok("“" + d.bundle().get().name() + "” is disabled."));
    }));
    routes.post(PATH + "/{slug}/bindings", guard.page((ctx, caller) -> {
      String provider = Optional.ofNullable(ctx.formParam("provider")).orElse("");
      String credential = Optional.ofNullable(ctx.formParam("credential")).filter(s -> !s.isBlank()).orElse(null);
      try {
        bundles.bind(caller.userId(), ctx.pathParam("slug"), provider, Optional.ofNullable(credential));
      } catch (FieldErrors e) {
        show(ctx, caller, 400, Text.sentence(String.join("; ", e.fields().values())));
        return;
      }
      attention.check(caller.userId());
      done(ctx, ctx.pathParam("slug"), Flash.ok(credential == null
          ? "The bundle now uses your current " + provider + " credential."
          : "The bundle now uses the chosen " + provider + " credential."));
    }));
  }

  private void list(Context ctx, Caller caller, int status, BundleForm form) {
    List<String> enabled = bundles.enabledSlugs(caller.userId());
    List<BundleRow> rows = new ArrayList<>();
    for (Bundle b : bundles.list(caller.userId())) {
      Readiness r = bundles.readiness(caller.userId(), b.slug());
      rows.add(new BundleRow(b.slug(), b.name(), b.description(), Text.word(b.publication().name()),
          Text.word(b.mode().name()), b.tools().size(), b.ownedBy(caller.userId()), enabled.contains(b.slug()),
          Badge.of(r.status())));
    }
    renderer.page(ctx, status, "bundles.jte", frames.of(caller, "Bundles", "bundles"),
        new BundlesPage(rows, bundles.unavailableEnabledSlugs(caller.userId()), form));
  }

  private void create(Context ctx, Caller caller) {
    String slug = value(ctx.formParam("slug"));
    String name = value(ctx.formParam("name"));
    String description = value(ctx.formParam("description"));
    String mode = Optional.ofNullable(ctx.formParam("mode")).orElse("DIRECT");
    Bundle b;
    try {
      b = bundles.create(caller.userId(), new BundleChange(slug, name, description, null, mode, List.of(), null,
          null, null));
    } catch (FieldErrors e) {
      Map<String, String> errors = new LinkedHashMap<>();
      e.fields().forEach((k, v) -> errors.put(k, Text.sentence(v)));
      list(ctx, caller, 400, form(slug, name, description, mode, errors));
      return;
    } catch (SwitchboardException e) {
      list(ctx, caller, e.kind().httpStatus(), form(slug, name, description, mode,
          Map.of("slug", Text.sentence(e.getMessage()))));
      return;
    }
    attention.check(caller.userId()); // its readiness is seen from now on: a fall is told
    done(ctx, b.slug(), Flash.ok("Created “" + b.name() + "”. Add tools to it below."));
  }

  private void show(Context ctx, Caller caller, int status, String error) {
    BundlePage page = builder.build(caller.userId(), ctx.pathParam("slug"),
        Optional.ofNullable(ctx.queryParam("q")).orElse("").trim(), error);
    renderer.page(ctx, status, "bundle.jte", frames.of(caller, page.name(), "bundles"), page);
  }

  private void change(Context ctx, Caller caller, BundleChange change, String done, String nothing) {
    boolean empty = (change.addTools() != null && change.addTools().isEmpty())
        || (change.removeTools() != null && change.removeTools().isEmpty())
        || (change.addTools() == null && change.removeTools() == null && change.mode() == null
            && change.features() == null);
    if (empty) {
      show(ctx, caller, 400, nothing);
      return;
    }
    try {
      bundles.update(caller.userId(), ctx.pathParam("slug"), change);
    } catch (FieldErrors e) {
      show(ctx, caller, 400, Text.sentence(String.join("; ", e.fields().values())));
      return;
    }
    attention.check(caller.userId());
    done(ctx, ctx.pathParam("slug"), Flash.ok(done));
  }

  private void done(Context ctx, String slug, Flash flash) {
    flash.leave(ctx, guard.secureCookies());
    ctx.redirect(PATH + "/" + slug, HttpStatus.SEE_OTHER);
  }

  private static BundleForm form(String slug, String name, String description, String mode,
      Map<String, String> errors) {
    List<Option> modes = new ArrayList<>();
    for (BundleMode m : BundleMode.values()) {
      modes.add(new Option(m.name(), m == BundleMode.DIRECT ? "Direct — lists every tool (up to "
          + BundleMode.DIRECT_LIMIT + ")" : "Dynamic — search, describe and call tools", m.name().equals(mode)));
    }
    return new BundleForm(slug, name, description, modes, errors);
  }

  private static String count(int n) {
    return n == 1 ? "1 tool" : n + " tools";
  }

  private static String value(String s) {
    return s == null ? "" : s.trim();
  }
}
