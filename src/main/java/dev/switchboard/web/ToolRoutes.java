package dev.switchboard.web;

import dev.switchboard.account.Principal;
import dev.switchboard.bundle.Bundles;
import dev.switchboard.bundle.ResolvedTool;
import dev.switchboard.credential.Availability;
import dev.switchboard.credential.Credentials;
import dev.switchboard.credential.RemoteToolDirectory;
import dev.switchboard.credential.UserAccess;
import dev.switchboard.tool.Tool;
import dev.switchboard.tool.ToolCatalog;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Tools with their availability for the caller: {@code GET /api/v1/tools?provider=&bundle=&q=}. */
final class ToolRoutes {
  record ToolView(String name, String provider, String title, String description, JsonNode inputSchema,
      List<String> requiredScopes, boolean available, String reason, String fix, List<String> missingScopes) {
    static ToolView of(Tool t, Availability a) {
      return new ToolView(t.name(), t.provider(), t.title(), t.description(), t.inputSchema(),
          sorted(t.requiredScopes()), a.available(), a.reason().map(Enum::name).orElse(null),
          a.available() ? null : a.fix(), sorted(a.missingScopes()));
    }

    private static List<String> sorted(Set<String> s) {
      return s.stream().sorted().toList();
    }
  }

  private final ToolCatalog tools;
  private final RemoteToolDirectory remote;
  private final Credentials credentials;
  private final Bundles bundles;
  private final Authenticator auth;
  private final Json json;

  ToolRoutes(ToolCatalog tools, RemoteToolDirectory remote, Credentials credentials, Bundles bundles,
      Authenticator auth, Json json) {
    this.tools = tools;
    this.remote = remote;
    this.credentials = credentials;
    this.bundles = bundles;
    this.auth = auth;
    this.json = json;
  }

  void register(ApiRoutes routes) {
    routes.get("/api/v1/tools", this::list);
  }

  private void list(Context ctx) {
    Principal p = auth.require(ctx);
    String provider = ctx.queryParam("provider");
    String bundle = ctx.queryParam("bundle");
    String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").toLowerCase(Locale.ROOT);
    List<ToolView> views;
    if (bundle != null) {
      views = bundles.view(p.userId(), bundle).tools().stream()
          .filter(t -> provider == null || t.tool().provider().equals(provider))
          .map((ResolvedTool t) -> ToolView.of(t.tool(), t.availability())).toList();
    } else {
      UserAccess access = credentials.access(p.userId());
      List<Tool> candidates = provider == null ? tools.all() : tools.ofProvider(provider);
      if (provider != null && candidates.isEmpty()) {
        candidates = access.current(provider).map(remote::tools).orElse(List.of());
      }
      views = candidates.stream().map(t -> ToolView.of(t, access.of(t))).toList();
    }
    List<ToolView> matching = views.stream().filter(v -> q.isEmpty()
        || (v.name() + " " + v.title() + " " + v.description()).toLowerCase(Locale.ROOT).contains(q)).toList();
    json.write(ctx, 200, new Views.ItemsView<>(matching, null));
  }
}
