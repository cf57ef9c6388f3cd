package dev.switchboard.web.pages;

import dev.switchboard.credential.ConnectionState;
import dev.switchboard.credential.Credentials;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.provider.AuthMethod;
import dev.switchboard.provider.Category;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.provider.ProviderStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The Providers page (by category, searchable, with connection states) and each provider's page. */
final class ProviderPages {
  static final String PATH = "/providers";
  private final ProviderRegistry catalog;
  private final Credentials credentials;
  private final ProviderPageBuilder builder;
  private final Guard guard;
  private final Renderer renderer;
  private final Frames frames;

  ProviderPages(ProviderRegistry catalog, Credentials credentials, ProviderPageBuilder builder, Guard guard,
      Renderer renderer, Frames frames) {
    this.catalog = catalog;
    this.credentials = credentials;
    this.builder = builder;
    this.guard = guard;
    this.renderer = renderer;
    this.frames = frames;
  }

  void register(RoutesConfig routes) {
    routes.get("/", guard.page((ctx, caller) -> ctx.redirect(PATH)));
    routes.get(PATH, guard.page(this::list));
    routes.get(PATH + "/{slug}", guard.page(this::show));
  }

  private void list(Context ctx, Caller caller) {
    String query = Optional.ofNullable(ctx.queryParam("q")).orElse("").trim();
    Optional<Category> category = category(ctx.queryParam("category"));
    Map<String, ConnectionState> states = credentials.connectionStates(caller.userId());
    Map<Category, List<ProviderCard>> byCategory = new EnumMap<>(Category.class);
    List<Provider> found = catalog.search(category, query);
    for (Provider p : found) {
      byCategory.computeIfAbsent(p.category(), c -> new ArrayList<>()).add(new ProviderCard(p.slug(), p.name(),
          p.icon(), p.description(), Labels.kind(p.kind()), auth(p),
          Badge.of(states.getOrDefault(p.slug(), ConnectionState.NONE)),
          p.status() == ProviderStatus.ACTIVE ? null : Text.word(p.status().name())));
    }
    List<ProviderGroup> groups = byCategory.entrySet().stream()
        .map(e -> new ProviderGroup(e.getKey().displayName(), e.getValue())).toList();
    List<Option> categories = new ArrayList<>();
    categories.add(new Option("", "All categories", category.isEmpty()));
    for (Category c : Category.values()) {
      categories.add(new Option(c.name(), c.displayName(), category.equals(Optional.of(c))));
    }
    renderer.page(ctx, 200, "providers.jte", frames.of(caller, "Providers", "providers"),
        new ProvidersPage(query, categories, groups, found.size()));
  }

  private void show(Context ctx, Caller caller) {
    Provider p = catalog.find(ctx.pathParam("slug")).orElseThrow(() -> SwitchboardException.notFound("provider"));
    ValidationAttempt chosen = ctx.queryParam("credential") == null && ctx.queryParam("tool") == null ? null
        : ValidationAttempt.chosen(ctx.queryParam("credential"), ctx.queryParam("tool"));
    renderer.page(ctx, 200, "provider.jte", frames.of(caller, p.name(), "providers"),
        builder.build(caller.userId(), p, null, chosen));
  }

  private static String auth(Provider p) {
    return p.authMethods().stream().map(AuthMethod::type).map(Labels::method).collect(Collectors.joining(", "));
  }

  private static Optional<Category> category(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Category.valueOf(raw.trim()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
