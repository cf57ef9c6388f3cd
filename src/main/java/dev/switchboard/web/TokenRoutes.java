package dev.switchboard.web;

import dev.switchboard.account.AccessTokens;
import dev.switchboard.account.IssuedToken;
import dev.switchboard.account.Principal;
import io.javalin.http.Context;

/** The caller's personal access tokens: {@code /api/v1/tokens}. */
final class TokenRoutes {
  record NewToken(String name) {}

  record IssuedView(Views.TokenView info, String token) {}

  private final AccessTokens tokens;
  private final Authenticator auth;
  private final Json json;

  TokenRoutes(AccessTokens tokens, Authenticator auth, Json json) {
    this.tokens = tokens;
    this.auth = auth;
    this.json = json;
  }

  void register(ApiRoutes routes) {
    routes.get("/api/v1/tokens", this::list);
    routes.post("/api/v1/tokens", this::create);
    routes.delete("/api/v1/tokens/{id}", this::revoke);
  }

  private void list(Context ctx) {
    Principal p = auth.require(ctx);
    json.write(ctx, 200, new Views.ItemsView<>(
        tokens.list(p.userId()).stream().map(Views.TokenView::of).toList(), null));
  }

  private void create(Context ctx) {
    Principal p = auth.require(ctx);
    NewToken body = json.read(ctx, NewToken.class);
    IssuedToken issued = tokens.issue(p.userId(), body.name());
    json.write(ctx, 201, new IssuedView(Views.TokenView.of(issued.info()), issued.token()));
  }

  private void revoke(Context ctx) {
    Principal p = auth.require(ctx);
    json.write(ctx, 200, Views.TokenView.of(tokens.revoke(p.userId(), ctx.pathParam("id"))));
  }
}
