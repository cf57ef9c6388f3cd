package dev.switchboard.web;

import dev.switchboard.account.Principal;
import dev.switchboard.audit.AuditTrail;
import dev.switchboard.audit.ExecutionFilter;
import dev.switchboard.audit.Executions;
import dev.switchboard.audit.Notifications;
import dev.switchboard.store.Page;
import io.javalin.http.Context;
import java.util.Optional;

/** The caller's executions, notifications and audit trail: {@code /api/v1/executions}, {@code …/notifications}, {@code …/audit}. */
final class ActivityRoutes {
  private final Executions executions;
  private final Notifications notifications;
  private final AuditTrail audit;
  private final Authenticator auth;
  private final Json json;

  ActivityRoutes(Executions executions, Notifications notifications, AuditTrail audit, Authenticator auth,
      Json json) {
    this.executions = executions;
    this.notifications = notifications;
    this.audit = audit;
    this.auth = auth;
    this.json = json;
  }

  void register(ApiRoutes routes) {
    routes.get("/api/v1/executions", this::executions);
    routes.get("/api/v1/notifications", this::notifications);
    routes.get("/api/v1/audit", ctx -> {
      Principal p = auth.require(ctx);
      write(ctx, audit.list(p.userId(), Optional.ofNullable(ctx.queryParam("credential")),
          Optional.ofNullable(ctx.queryParam("cursor")), Limits.of(ctx.queryParam("limit"))));
    });
    routes.post("/api/v1/notifications/{id}/read", ctx -> {
      Principal p = auth.require(ctx);
      notifications.markRead(p.userId(), ctx.pathParam("id"));
      ctx.status(204);
    });
  }

  private void executions(Context ctx) {
    Principal p = auth.require(ctx);
    ExecutionFilter filter = new ExecutionFilter(Optional.ofNullable(ctx.queryParam("provider")),
        Optional.ofNullable(ctx.queryParam("bundle")), Optional.ofNullable(ctx.queryParam("outcome")),
        Optional.ofNullable(ctx.queryParam("tool")));
    var page = executions.list(p.userId(), filter, Optional.ofNullable(ctx.queryParam("cursor")),
        Limits.of(ctx.queryParam("limit")));
    write(ctx, page);
  }

  private void notifications(Context ctx) {
    Principal p = auth.require(ctx);
    write(ctx, notifications.list(p.userId(), Optional.ofNullable(ctx.queryParam("cursor")),
        Limits.of(ctx.queryParam("limit"))));
  }

  private <T> void write(Context ctx, Page<T> page) {
    json.write(ctx, 200, new Views.ItemsView<>(page.items(), page.next().orElse(null)));
  }
}
