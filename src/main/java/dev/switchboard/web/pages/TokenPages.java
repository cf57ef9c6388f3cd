package dev.switchboard.web.pages;

import dev.switchboard.account.AccessToken;
import dev.switchboard.account.AccessTokens;
import dev.switchboard.account.IssuedToken;
import dev.switchboard.error.SwitchboardException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/** Personal access tokens for AI clients: create (shown once), list, revoke. */
final class TokenPages {
  static final String PATH = "/tokens";
  private final AccessTokens tokens;
  private final Guard guard;
  private final Renderer renderer;
  private final Frames frames;

  TokenPages(AccessTokens tokens, Guard guard, Renderer renderer, Frames frames) {
    this.tokens = tokens;
    this.guard = guard;
    this.renderer = renderer;
    this.frames = frames;
  }

  void register(RoutesConfig routes) {
    routes.get(PATH, guard.page((ctx, caller) -> show(ctx, caller, 200, null, "", null)));
    routes.post(PATH, guard.page(this::create));
    routes.post(PATH + "/{id}/revoke", guard.page((ctx, caller) -> {
      AccessToken revoked = tokens.revoke(caller.userId(), ctx.pathParam("id"));
      Flash.ok("Revoked “" + revoked.name() + "”: clients using it can no longer connect.")
          .leave(ctx, guard.secureCookies());
      ctx.redirect(PATH, HttpStatus.SEE_OTHER);
    }));
  }

  private void create(Context ctx, Caller caller) {
    String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").trim();
    IssuedToken issued;
    try {
      issued = tokens.issue(caller.userId(), name);
    } catch (SwitchboardException e) {
      show(ctx, caller, 400, null, name, Text.sentence(e.getMessage()));
      return;
    }
    show(ctx, caller, 201, issued, "", null);
  }

  private void show(Context ctx, Caller caller, int status, IssuedToken issued, String name, String error) {
    List<TokenRow> rows = tokens.list(caller.userId()).stream().map(t -> new TokenRow(t.id(), t.name(), t.hint(),
        Text.when(t.createdAt()), Text.when(t.lastUsedAt()), t.revokedAt().map(Text::when).orElse(null))).toList();
    renderer.page(ctx, status, "tokens.jte", frames.of(caller, "Access tokens", "tokens"),
        new TokensPage(rows, issued == null ? null : issued.info().name(), issued == null ? null : issued.token(),
            name, error));
  }
}
