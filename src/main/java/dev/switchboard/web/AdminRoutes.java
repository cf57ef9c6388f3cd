package dev.switchboard.web;

import dev.switchboard.account.Accounts;
import dev.switchboard.account.Principal;
import dev.switchboard.account.User;
import dev.switchboard.account.Users;
import dev.switchboard.admin.ImportRequest;
import dev.switchboard.admin.ImportResult;
import dev.switchboard.admin.ProviderAdmin;
import dev.switchboard.credential.ConnectionState;
import dev.switchboard.error.FieldErrors;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.provider.ProviderStatus;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Administrators' routes: {@code /api/v1/admin/…} — provider imports, statuses and deletion, users. */
final class AdminRoutes {
  record StatusChange(String status) {}

  record NewUser(String email, String password, Boolean admin) {}

  private final ProviderAdmin admin;
  private final Users users;
  private final Accounts accounts;
  private final Authenticator auth;
  private final Json json;

  AdminRoutes(ProviderAdmin admin, Users users, Accounts accounts, Authenticator auth, Json json) {
    this.admin = admin;
    this.users = users;
    this.accounts = accounts;
    this.auth = auth;
    this.json = json;
  }

  void register(ApiRoutes routes) {
    routes.post("/api/v1/admin/providers/openapi", ctx -> {
      Principal p = auth.requireAdmin(ctx);
      ImportResult result = admin.importOpenApi(p.userId(), json.read(ctx, ImportRequest.class));
      json.write(ctx, 201, Map.of("provider", Views.ProviderView.of(result.provider(), ConnectionState.NONE),
          "tools", result.tools(), "skipped", result.skipped(), "warnings", result.warnings()));
    });
    routes.post("/api/v1/admin/providers/mcp", ctx -> {
      Principal p = auth.requireAdmin(ctx);
      json.write(ctx, 201, Views.ProviderView.of(
          admin.registerMcp(p.userId(), json.read(ctx, ImportRequest.class)), ConnectionState.NONE));
    });
    routes.post("/api/v1/admin/providers/{slug}/status", ctx -> {
      auth.requireAdmin(ctx);
      StatusChange body = json.read(ctx, StatusChange.class);
      ProviderStatus status;
      try {
        status = ProviderStatus.valueOf(String.valueOf(body.status()).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new FieldErrors(Map.of("status", "must be ACTIVE, INACTIVE or DEPRECATED"));
      }
      json.write(ctx, 200, Views.ProviderView.of(admin.setStatus(ctx.pathParam("slug"), status),
          ConnectionState.NONE));
    });
    routes.delete("/api/v1/admin/providers/{slug}", ctx -> {
      auth.requireAdmin(ctx);
      admin.delete(ctx.pathParam("slug"));
      ctx.status(204);
    });
    routes.get("/api/v1/admin/users", ctx -> {
      auth.requireAdmin(ctx);
      json.write(ctx, 200, new Views.ItemsView<>(users.all().stream().map(Views.UserView::of).toList(), null));
    });
    routes.post("/api/v1/admin/users", ctx -> {
      auth.requireAdmin(ctx);
      NewUser body = json.read(ctx, NewUser.class);
      User user = users.create(body.email(), body.password(), Boolean.TRUE.equals(body.admin()), true);
      json.write(ctx, 201, Views.UserView.of(user));
    });
    routes.post("/api/v1/admin/users/{id}/disable", ctx -> {
      Principal p = adminOrNotFound(ctx);
      json.write(ctx, 200, Views.UserView.of(accounts.disable(Optional.of(p.userId()), ctx.pathParam("id"))));
    });
    routes.post("/api/v1/admin/users/{id}/enable", ctx -> {
      adminOrNotFound(ctx);
      json.write(ctx, 200, Views.UserView.of(accounts.enable(ctx.pathParam("id"))));
    });
    routes.delete("/api/v1/admin/users/{id}", ctx -> {
      Principal p = adminOrNotFound(ctx);
      accounts.delete(Optional.of(p.userId()), ctx.pathParam("id"));
      ctx.status(204);
    });
  }

  /** An admin; anyone else learns nothing about which user ids exist: 404 as for a missing one. */
  private Principal adminOrNotFound(Context ctx) {
    Principal p = auth.require(ctx);
    if (!p.admin()) {
      throw SwitchboardException.notFound("user");
    }
    return p;
  }
}
