package dev.switchboard.web;

import dev.switchboard.account.Principal;
import dev.switchboard.credential.ConnectionState;
import dev.switchboard.credential.Credentials;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.provider.Category;
import dev.switchboard.provider.Provider;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The provider catalog with the caller's connection state: {@code /api/v1/providers}. */
final class ProviderRoutes {
  private final ProviderRegistry catalog;
  private final Credentials credentials;
  private final Authenticator auth;
  private final Json json;

  ProviderRoutes(ProviderRegistry catalog, Credentials credentials, Authenticator auth, Json json) {
    this.catalog = catalog;
    this.credentials = credentials;
    this.auth = auth;
    this.json = json;
  }

  void register(ApiRoutes routes) {
    routes.get("/api/v1/providers", this::list);
    routes.get("/api/v1/providers/{slug}", this::get);
  }

  private void list(Context ctx) {
    Principal p = auth.require(ctx);
    Optional<Category> category = Optional.ofNullable(ctx.queryParam("category")).map(ProviderRoutes::category);
    String query = Optional.ofNullable(ctx.queryParam("q")).orElse("");
    Map<String, ConnectionState> states = credentials.connectionStates(p.userId());
    json.write(ctx, 200, new Views.ItemsView<>(catalog.search(category, query).stream()
        .map(provider -> view(provider, states, catalog.statusReason(provider.slug())))
        .toList(), null));
  }

  private void get(Context ctx) {
    Principal p = auth.require(ctx);
    Provider provider = catalog.find(ctx.pathParam("slug"))
        .orElseThrow(() -> SwitchboardException.notFound("provider"));
    json.write(ctx, 200, view(provider, credentials.connectionStates(p.userId()), catalog.statusReason(provider.slug())));
  }

  private static Views.ProviderView view(Provider provider, Map<String, ConnectionState> states,
      Optional<String> statusReason) {
    return Views.ProviderView.of(provider, states.getOrDefault(provider.slug(), ConnectionState.NONE), statusReason);
  }

  private static Category category(String name) {
    try {
      return Category.valueOf(name.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw SwitchboardException.invalid("unknown_category",
          "category must be one of " + Arrays.toString(Category.values()));
    }
  }
}
