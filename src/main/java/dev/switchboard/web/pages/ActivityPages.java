package dev.switchboard.web.pages;

import dev.switchboard.audit.Execution;
import dev.switchboard.audit.ExecutionFilter;
import dev.switchboard.audit.Executions;
import dev.switchboard.audit.Notification;
import dev.switchboard.audit.Notifications;
import dev.switchboard.bundle.Bundle;
import dev.switchboard.bundle.Bundles;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.store.Page;
import dev.switchboard.upstream.Outcome;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Executions (filter by bundle, provider, outcome) and notifications (mark read, follow the fix). */
final class ActivityPages {
  private static final int PAGE = 50;
  private final Executions executions;
  private final Notifications notifications;
  private final Bundles bundles;
  private final ProviderRegistry catalog;
  private final Guard guard;
  private final Renderer renderer;
  private final Frames frames;

  ActivityPages(Executions executions, Notifications notifications, Bundles bundles, ProviderRegistry catalog,
      Guard guard, Renderer renderer, Frames frames) {
    this.executions = executions;
    this.notifications = notifications;
    this.bundles = bundles;
    this.catalog = catalog;
    this.guard = guard;
    this.renderer = renderer;
    this.frames = frames;
  }

  void register(RoutesConfig routes) {
    routes.get("/executions", guard.page(this::executions));
    routes.get("/notifications", guard.page(this::notifications));
    routes.post("/notifications/{id}/read", guard.page((ctx, caller) -> {
      notifications.markRead(caller.userId(), ctx.pathParam("id"));
      ctx.redirect("/notifications", HttpStatus.SEE_OTHER);
    }));
  }

  private void executions(Context ctx, Caller caller) {
    Optional<String> bundle = param(ctx, "bundle");
    Optional<String> provider = param(ctx, "provider");
    Optional<String> outcome = param(ctx, "outcome");
    Page<Execution> page = executions.list(caller.userId(), new ExecutionFilter(provider, bundle, outcome,
        Optional.empty()), param(ctx, "cursor"), PAGE);
    List<Option> bundleOptions = new ArrayList<>();
    bundleOptions.add(new Option("", "All bundles", bundle.isEmpty()));
    for (Bundle b : bundles.list(caller.userId())) {
      bundleOptions.add(new Option(b.slug(), b.name(), bundle.equals(Optional.of(b.slug()))));
    }
    List<Option> providerOptions = new ArrayList<>();
    providerOptions.add(new Option("", "All providers", provider.isEmpty()));
    for (Provider p : catalog.all()) {
      providerOptions.add(new Option(p.slug(), p.name(), provider.equals(Optional.of(p.slug()))));
    }
    List<Option> outcomeOptions = new ArrayList<>();
    outcomeOptions.add(new Option("", "All outcomes", outcome.isEmpty()));
    for (Outcome o : Outcome.values()) {
      outcomeOptions.add(new Option(o.name(), Text.word(o.name()), outcome.equals(Optional.of(o.name()))));
    }
    List<ExecutionRow> rows = page.items().stream().map(e -> new ExecutionRow(Text.when(e.startedAt()),
        e.kind() == Execution.Kind.VALIDATION ? "Validation" : "Tool call", e.tool(),
        catalog.find(e.provider()).map(Provider::name).orElse(e.provider()), e.bundle().orElse("—"),
        outcome(e.outcome()), e.upstreamStatus().map(String::valueOf).orElse("—"),
        e.durationMillis() + " ms")).toList();
    String next = page.next().map(cursor -> "/executions?" + query("bundle", bundle) + query("provider", provider)
        + query("outcome", outcome) + "cursor=" + encode(cursor)).orElse(null);
    renderer.page(ctx, 200, "executions.jte", frames.of(caller, "Executions", "executions"),
        new ExecutionsPage(bundleOptions, providerOptions, outcomeOptions, rows, next,
            bundle.isPresent() || provider.isPresent() || outcome.isPresent()));
  }

  private void notifications(Context ctx, Caller caller) {
    Page<Notification> page = notifications.list(caller.userId(), param(ctx, "cursor"), PAGE);
    List<NotificationRow> rows = page.items().stream().map(n -> new NotificationRow(n.id(), n.title(),
        n.message(), n.fix(), n.link().filter(l -> l.startsWith("/")).orElse(null), Text.when(n.createdAt()),
        n.open(), n.resolvedAt().map(Text::when).orElse(null))).toList();
    renderer.page(ctx, 200, "notifications.jte", frames.of(caller, "Notifications", "notifications"),
        new NotificationsPage(rows, page.next().map(c -> "/notifications?cursor=" + encode(c)).orElse(null)));
  }

  private static Badge outcome(String outcome) {
    if (Outcome.OK.name().equals(outcome)) {
      return new Badge("🟢", "OK", "good");
    }
    if (Outcome.TIMEOUT.name().equals(outcome)) {
      return new Badge("⏱", "Timeout", "bad");
    }
    boolean mine = Outcome.INVALID_ARGUMENTS.name().equals(outcome)
        || Outcome.UPSTREAM_REJECTED_REQUEST.name().equals(outcome);
    return new Badge(mine ? "🟡" : "🔴", Text.word(outcome), mine ? "warn" : "bad");
  }

  private static Optional<String> param(Context ctx, String name) {
    return Optional.ofNullable(ctx.queryParam(name)).map(String::trim).filter(s -> !s.isEmpty());
  }

  private static String query(String name, Optional<String> value) {
    return value.map(v -> name + "=" + encode(v) + "&").orElse("");
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
