package dev.switchboard.web.pages;

import dev.switchboard.account.Accounts;
import dev.switchboard.account.User;
import dev.switchboard.account.Users;
import dev.switchboard.admin.ImportRequest;
import dev.switchboard.admin.ImportResult;
import dev.switchboard.admin.ProviderAdmin;
import dev.switchboard.error.FieldErrors;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.oauth.OAuthApps;
import dev.switchboard.provider.ApiKeyMethod;
import dev.switchboard.provider.AuthMethodType;
import dev.switchboard.provider.AuthMethod;
import dev.switchboard.provider.BearerMethod;
import dev.switchboard.provider.Category;
import dev.switchboard.provider.NoAuthMethod;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.provider.ProviderStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Administration: users, provider statuses, OpenAPI imports and remote MCP servers. */
final class AdminPages {
  static final String PATH = "/admin";
  private static final List<String> USER_FIELDS = List.of("email", "admin");
  private static final List<String> PROVIDER_FIELDS = List.of("slug", "name", "category", "description", "url",
      "document", "baseUrl", "mcpUrl", "auth", "keyName", "keyPrefix", "validationTool", "maxCallSeconds");
  private final Users users;
  private final Accounts accounts;
  private final ProviderAdmin admin;
  private final ProviderRegistry catalog;
  private final Guard guard;
  private final Renderer renderer;
  private final Frames frames;
  private final OAuthApps oauthApps;
  private final String redirectUri;

  AdminPages(Users users, Accounts accounts, ProviderAdmin admin, ProviderRegistry catalog, OAuthApps oauthApps,
      String redirectUri, Guard guard, Renderer renderer, Frames frames) {
    this.accounts = accounts;
    this.oauthApps = oauthApps;
    this.redirectUri = redirectUri;
    this.users = users;
    this.admin = admin;
    this.catalog = catalog;
    this.guard = guard;
    this.renderer = renderer;
    this.frames = frames;
  }

  void register(RoutesConfig routes) {
    routes.get(PATH, guard.admin((ctx, caller) -> show(ctx, caller, 200, null, Map.of(), Map.of())));
    routes.post(PATH + "/users", guard.admin(this::createUser));
    routes.post(PATH + "/users/{id}/disable", guard.admin((ctx, caller) -> userAction(ctx, caller, "disable")));
    routes.post(PATH + "/users/{id}/enable", guard.admin((ctx, caller) -> userAction(ctx, caller, "enable")));
    routes.post(PATH + "/users/{id}/delete", guard.admin((ctx, caller) -> userAction(ctx, caller, "delete")));
    routes.post(PATH + "/providers/{slug}/status", guard.admin(this::status));
    routes.get(PATH + "/providers/{slug}/delete", guard.admin(this::confirmDelete));
    routes.post(PATH + "/providers/{slug}/delete", guard.admin(this::delete));
    routes.post(PATH + "/providers/openapi", guard.admin((ctx, caller) -> addProvider(ctx, caller, "openapi")));
    routes.post(PATH + "/providers/mcp", guard.admin((ctx, caller) -> addProvider(ctx, caller, "mcp")));
    routes.post(PATH + "/oauth-apps", guard.admin(this::oauthApp));
  }

  private void oauthApp(Context ctx, Caller caller) {
    Map<String, String> values = values(ctx, List.of("provider", "clientId"));
    String provider = values.getOrDefault("provider", "");
    if (catalog.find(provider).flatMap(p -> p.authMethod(AuthMethodType.OAUTH2)).isEmpty()) {
      show(ctx, caller, 400, "oauth", values, Map.of("provider", "Choose a provider that offers OAuth."));
      return;
    }
    try {
      oauthApps.set(provider, values.get("clientId"), ctx.formParam("clientSecret"));
      Flash.ok("Saved the OAuth client of " + catalog.require(provider).name()
          + ". Register " + redirectUri + " as its redirect URI.").leave(ctx, guard.secureCookies());
      ctx.redirect(PATH + "#oauth", HttpStatus.SEE_OTHER);
    } catch (FieldErrors e) {
      Map<String, String> errors = new LinkedHashMap<>();
      e.fields().forEach((k, v) -> errors.put(k, Text.sentence(v)));
      show(ctx, caller, 400, "oauth", values, errors);
    }
  }

  private void createUser(Context ctx, Caller caller) {
    Map<String, String> values = values(ctx, USER_FIELDS);
    try {
      User user = users.create(values.get("email"), ctx.formParam("password"), "on".equals(values.get("admin")), true);
      Flash.ok("Created " + (user.admin() ? "admin " : "user ") + user.email()
          + ". Give them the password; they choose a new one at their first sign-in.").leave(ctx, guard.secureCookies());
      ctx.redirect(PATH + "#users", HttpStatus.SEE_OTHER);
    } catch (SwitchboardException e) {
      String field = e.code().contains("password") ? "password" : "email";
      show(ctx, caller, 400, "user", values, Map.of(field, Text.sentence(e.getMessage())));
    }
  }

  /** Disables, enables or deletes a user; refusals (oneself, the last admin) come back as a message. */
  private void userAction(Context ctx, Caller caller, String action) {
    String id = ctx.pathParam("id");
    Optional<String> actor = Optional.of(caller.userId());
    try {
      Flash done = switch (action) {
        case "disable" -> Flash.ok("Disabled " + accounts.disable(actor, id).email()
            + ": their sessions ended and their access tokens are revoked.");
        case "enable" -> Flash.ok("Enabled " + accounts.enable(id).email() + ".");
        default -> "on".equals(ctx.formParam("confirm"))
            ? Flash.ok("Deleted " + accounts.delete(actor, id).email()
                + " and their credentials (revoked at the provider where it can be).")
            : Flash.error("Tick the box beside Delete to confirm; nothing was deleted.");
      };
      done.leave(ctx, guard.secureCookies());
    } catch (SwitchboardException e) {
      Flash.error(Text.sentence(e.getMessage())).leave(ctx, guard.secureCookies());
    }
    ctx.redirect(PATH + "#users", HttpStatus.SEE_OTHER);
  }

  private void status(Context ctx, Caller caller) {
    String raw = String.valueOf(ctx.formParam("status")).toUpperCase(Locale.ROOT);
    ProviderStatus status;
    try {
      status = ProviderStatus.valueOf(raw);
    } catch (IllegalArgumentException e) {
      throw SwitchboardException.invalid("invalid_status", "status must be ACTIVE, INACTIVE or DEPRECATED");
    }
    Provider p = admin.setStatus(ctx.pathParam("slug"), status);
    Flash.ok(p.name() + " is now " + Text.word(status.name()) + ".").leave(ctx, guard.secureCookies());
    ctx.redirect(PATH + "#providers", HttpStatus.SEE_OTHER);
  }

  /** The confirmation page: what deleting the provider erases, with Delete and Cancel. */
  private void confirmDelete(Context ctx, Caller caller) {
    String slug = ctx.pathParam("slug");
    if (!admin.deletable(slug)) {
      throw catalog.find(slug).isPresent()
          ? SwitchboardException.conflict("provider_shipped", "shipped providers cannot be deleted")
          : SwitchboardException.notFound("provider");
    }
    Provider p = catalog.require(slug);
    renderer.page(ctx, 200, "provider-delete.jte", frames.of(caller, "Delete " + p.name(), "admin"),
        new AdminProvider(p.slug(), p.name(), Labels.kind(p.kind()), Text.word(p.status().name()), List.of(),
            true, admin.loadError(slug).orElse(null)));
  }

  private void delete(Context ctx, Caller caller) {
    Provider p = catalog.require(ctx.pathParam("slug"));
    admin.delete(p.slug());
    Flash.ok("Deleted " + p.name() + ": its tools left every bundle and every user's credentials of it were "
        + "revoked and erased.").leave(ctx, guard.secureCookies());
    ctx.redirect(PATH + "#providers", HttpStatus.SEE_OTHER);
  }

  private void addProvider(Context ctx, Caller caller, String form) {
    Map<String, String> values = values(ctx, PROVIDER_FIELDS);
    Map<String, String> errors = new LinkedHashMap<>();
    List<AuthMethod> auth;
    try {
      auth = auth(values);
    } catch (IllegalArgumentException e) {
      show(ctx, caller, 400, form, values, Map.of("keyName", "Give the header or query parameter name."));
      return;
    }
    Integer maxCallSeconds;
    try {
      maxCallSeconds = Optional.ofNullable(blankToNull(values.get("maxCallSeconds"))).map(String::strip)
          .map(Integer::valueOf).orElse(null);
    } catch (NumberFormatException e) {
      show(ctx, caller, 400, form, values, Map.of("maxCallSeconds", "Give a whole number of seconds, or nothing."));
      return;
    }
    ImportRequest request = new ImportRequest(values.get("slug"), blankToNull(values.get("name")),
        blankToNull(values.get("category")), blankToNull(values.get("description")),
        blankToNull(values.get("document")), blankToNull(values.get("url")), blankToNull(values.get("baseUrl")),
        blankToNull(values.get("mcpUrl")), auth, blankToNull(values.get("validationTool")), null, null, null, null,
        maxCallSeconds);
    try {
      String message;
      Provider p;
      if (form.equals("openapi")) {
        ImportResult result = admin.importOpenApi(caller.userId(), request);
        p = result.provider();
        message = ImportMessage.of(result);
      } else {
        p = admin.registerMcp(caller.userId(), request);
        message = "Registered the MCP server " + p.name() + ".";
      }
      Flash.ok(message).leave(ctx, guard.secureCookies());
      ctx.redirect(ProviderPages.PATH + "/" + p.slug(), HttpStatus.SEE_OTHER);
    } catch (FieldErrors e) {
      e.fields().forEach((k, v) -> errors.put(k, Text.sentence(v)));
      show(ctx, caller, 400, form, values, errors);
    } catch (SwitchboardException e) {
      show(ctx, caller, e.kind().httpStatus(), form, values, Map.of("form", Text.sentence(e.getMessage())));
    }
  }

  private void show(Context ctx, Caller caller, int status, String form, Map<String, String> values,
      Map<String, String> errors) {
    List<UserRow> userRows = users.all().stream().map(u -> new UserRow(u.id(), u.email(), u.admin(),
        u.mustChangePassword(), u.disabled(), u.id().equals(caller.userId()), Text.when(u.createdAt()))).toList();
    List<AdminProvider> providers = catalog.all().stream().map(p -> {
      List<Option> statuses = new ArrayList<>();
      for (ProviderStatus s : ProviderStatus.values()) {
        statuses.add(new Option(s.name(), Text.word(s.name()), s == p.status()));
      }
      return new AdminProvider(p.slug(), p.name(), Labels.kind(p.kind()), Text.word(p.status().name()), statuses,
          admin.deletable(p.slug()), admin.loadError(p.slug()).orElse(null));
    }).toList();
    String category = values.getOrDefault("category", "");
    List<Option> categories = new ArrayList<>();
    for (Category c : Category.values()) {
      categories.add(new Option(c.name(), c.displayName(),
          category.isEmpty() ? c == Category.DEVELOPER_TOOLS : c.name().equals(category)));
    }
    String auth = values.getOrDefault("auth", "DOCUMENT");
    List<Option> auths = List.of(new Option("DOCUMENT", "As the OpenAPI document says", auth.equals("DOCUMENT")),
        new Option("NONE", "No authentication", auth.equals("NONE")),
        new Option("API_KEY_HEADER", "API key in a header", auth.equals("API_KEY_HEADER")),
        new Option("API_KEY_QUERY", "API key in a query parameter", auth.equals("API_KEY_QUERY")),
        new Option("BEARER", "Bearer token", auth.equals("BEARER")));
    List<OAuthAppRow> apps = catalog.all().stream()
        .filter(p -> p.authMethod(AuthMethodType.OAUTH2).isPresent())
        .map(p -> oauthApps.find(p.slug())
            .map(a -> new OAuthAppRow(p.slug(), p.name(), a.clientId(), a.hasSecret()))
            .orElse(new OAuthAppRow(p.slug(), p.name(), "", false)))
        .toList();
    renderer.page(ctx, status, "admin.jte", frames.of(caller, "Admin", "admin"),
        new AdminPage(userRows, providers, categories, auths, apps, redirectUri, form, values, errors));
  }

  /** The chosen method; none for DOCUMENT (the import takes the document's, an MCP server gets NONE). */
  private static List<AuthMethod> auth(Map<String, String> values) {
    String name = values.getOrDefault("keyName", "");
    return switch (values.getOrDefault("auth", "DOCUMENT")) {
      case "API_KEY_HEADER" -> List.of(ApiKeyMethod.header(name, values.getOrDefault("keyPrefix", "")));
      case "API_KEY_QUERY" -> List.of(ApiKeyMethod.query(name));
      case "BEARER" -> List.of(new BearerMethod());
      case "NONE" -> List.of(new NoAuthMethod());
      default -> List.of();
    };
  }

  private static Map<String, String> values(Context ctx, List<String> names) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : names) {
      String v = ctx.formParam(name);
      if (v != null) {
        out.put(name, name.equals("document") || name.equals("keyPrefix") ? v : v.trim());
      }
    }
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
