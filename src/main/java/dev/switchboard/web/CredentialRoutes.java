package dev.switchboard.web;

import dev.switchboard.account.Principal;
import dev.switchboard.credential.CredentialCreation;
import dev.switchboard.credential.CredentialFilter;
import dev.switchboard.credential.CredentialStatus;
import dev.switchboard.credential.Credentials;
import dev.switchboard.credential.NewCredential;
import dev.switchboard.credential.Verification;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.store.Page;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A user's credentials: {@code /api/v1/credentials} (DESIGN.md §4, §7). */
final class CredentialRoutes {
  record Rename(String label) {}

  record Create(String provider, String authMethod, String label, Map<String, Object> fields) {}

  private final Credentials credentials;
  private final CredentialCreation creation;
  private final Authenticator auth;
  private final Json json;

  CredentialRoutes(Credentials credentials, CredentialCreation creation, Authenticator auth, Json json) {
    this.credentials = credentials;
    this.creation = creation;
    this.auth = auth;
    this.json = json;
  }

  void register(ApiRoutes routes) {
    routes.get("/api/v1/credentials", this::list);
    routes.post("/api/v1/credentials", this::create);
    routes.get("/api/v1/credentials/{id}", this::get);
    routes.patch("/api/v1/credentials/{id}", this::rename);
    routes.delete("/api/v1/credentials/{id}", this::delete);
    routes.post("/api/v1/credentials/{id}/disable", ctx -> act(ctx, credentials::disable));
    routes.post("/api/v1/credentials/{id}/enable", ctx -> act(ctx, credentials::enable));
    routes.post("/api/v1/credentials/{id}/current", ctx -> act(ctx, credentials::makeCurrent));
  }

  private interface Action {
    dev.switchboard.credential.Credential apply(String userId, String id);
  }

  private void list(Context ctx) {
    Principal p = auth.require(ctx);
    CredentialFilter filter = new CredentialFilter(
        Optional.ofNullable(ctx.queryParam("provider")),
        Optional.ofNullable(ctx.queryParam("status")).map(s -> parse(CredentialStatus.class, "status", s)),
        Optional.ofNullable(ctx.queryParam("verification"))
            .map(v -> parse(Verification.class, "verification", v)),
        Optional.empty());
    Page<dev.switchboard.credential.Credential> page = credentials.list(p.userId(), filter,
        Optional.ofNullable(ctx.queryParam("cursor")), limit(ctx.queryParam("limit")));
    json.write(ctx, 200, new Views.ItemsView<>(
        page.items().stream().map(Views.CredentialView::of).toList(), page.next().orElse(null)));
  }

  private void create(Context ctx) {
    Principal p = auth.require(ctx);
    Create body = json.read(ctx, Create.class);
    var created = creation.create(p.userId(),
        new NewCredential(body.provider(), body.authMethod(), body.label(), body.fields()));
    json.write(ctx, 201, Views.CredentialView.of(created));
  }

  private void get(Context ctx) {
    Principal p = auth.require(ctx);
    json.write(ctx, 200, Views.CredentialView.of(credentials.get(p.userId(), ctx.pathParam("id"))));
  }

  private void rename(Context ctx) {
    Principal p = auth.require(ctx);
    Rename body = json.read(ctx, Rename.class);
    json.write(ctx, 200, Views.CredentialView.of(
        credentials.rename(p.userId(), ctx.pathParam("id"), body.label())));
  }

  private void delete(Context ctx) {
    Principal p = auth.require(ctx);
    credentials.delete(p.userId(), ctx.pathParam("id"));
    ctx.status(204);
  }

  private void act(Context ctx, Action action) {
    Principal p = auth.require(ctx);
    json.write(ctx, 200, Views.CredentialView.of(action.apply(p.userId(), ctx.pathParam("id"))));
  }

  private static int limit(String raw) {
    if (raw == null) {
      return 50;
    }
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw SwitchboardException.invalid("invalid_limit", "limit must be a whole number");
    }
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String name, String raw) {
    try {
      return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw SwitchboardException.invalid("invalid_" + name,
          name + " must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }
}
