package dev.switchboard.admin;

import dev.switchboard.admin.internal.ProviderRows;
import dev.switchboard.admin.internal.StoredProviders;
import dev.switchboard.bundle.Bundles;
import dev.switchboard.credential.Credentials;
import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.FieldErrors;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.provider.AuthMethod;
import dev.switchboard.provider.Catalog;
import dev.switchboard.provider.Category;
import dev.switchboard.provider.CredentialSchema;
import dev.switchboard.provider.NoAuthMethod;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderKind;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.provider.ProviderStatus;
import dev.switchboard.provider.ValidationSpec;
import dev.switchboard.tool.DefaultValidationTool;
import dev.switchboard.tool.ImportReport;
import dev.switchboard.tool.OpenApiImport;
import dev.switchboard.tool.StoredTools;
import dev.switchboard.tool.Tool;
import dev.switchboard.tool.ToolCatalog;
import dev.switchboard.upstream.HttpCall;
import dev.switchboard.upstream.HttpResult;
import dev.switchboard.upstream.OutboundGuard;
import dev.switchboard.upstream.OutboundHttp;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * What administrators change in the catalog at run time (DESIGN.md §3): import an OpenAPI document
 * as an API provider, register a remote MCP server as an MCP provider, set a provider's status,
 * delete an imported one. An import stores the tools it made beside the document, so that nothing
 * parses the document again ({@code docs/security/documents.md}).
 * Changes are stored in the database, so that every instance and the command line share them;
 * {@link #refresh()} applies what another process stored. Shipped providers cannot be replaced.
 */
public final class ProviderAdmin {
  private final ProviderRows rows;
  private final Catalog shipped;
  private final ProviderRegistry registry;
  private final OutboundGuard guard;
  private final OutboundHttp http;
  private final JsonMapper json;
  private final Clock clock;
  private final Credentials credentials;
  private final Bundles bundles;
  private final StoredCatalog stored;
  private final StoredProviders loader;
  private final int maxDocumentBytes;
  private volatile Runnable onChange = () -> { };

  public ProviderAdmin(ProviderRows rows, Catalog shipped, ProviderRegistry registry, ToolCatalog tools,
      Credentials credentials, Bundles bundles, OutboundGuard guard, OutboundHttp http, JsonMapper json,
      Clock clock, int maxDocumentBytes) {
    this.maxDocumentBytes = maxDocumentBytes;
    this.rows = rows;
    this.credentials = credentials;
    this.bundles = bundles;
    this.stored = new StoredCatalog(rows, shipped, registry, tools, json);
    this.loader = stored.loader();
    this.shipped = shipped;
    this.registry = registry;
    this.guard = guard;
    this.http = http;
    this.json = json;
    this.clock = clock;
  }

  /** What to do after a change is stored (tell the other instances). */
  public void onChange(Runnable action) {
    this.onChange = action;
  }

  /** Imports an OpenAPI document (text or URL) as an API provider; re-importing keeps tool names. */
  public ImportResult importOpenApi(String actor, ImportRequest request) {
    checkSlug(request.slug());
    if (request.maxCallSeconds() != null) {
      throw new FieldErrors(Map.of("maxCallSeconds", "is only for MCP servers (POST /api/v1/admin/providers/mcp): "
          + "an API call has no progress to extend it"));
    }
    String document = document(request);
    ImportReport report = OpenApiImport.importDocument(request.slug(), document,
        request.credentialParameters() == null ? Set.of() : Set.copyOf(request.credentialParameters()));
    String baseUrl = Optional.ofNullable(request.baseUrl()).filter(s -> !s.isBlank())
        .or(report::serverUrl).orElseThrow(() -> new FieldErrors(Map.of("baseUrl",
            "is required: the document names no absolute server URL")));
    if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
      throw new FieldErrors(Map.of("baseUrl", "must be an absolute http(s) URL (the document's server is '"
          + baseUrl + "')"));
    }
    boolean fromDocument = request.authMethods() == null || request.authMethods().isEmpty();
    List<AuthMethod> methods = fromDocument && !report.auth().methods().isEmpty()
        ? report.auth().methods() : authMethods(request);
    CredentialSchema schema = request.credentialSchema() != null ? request.credentialSchema()
        : fromDocument ? report.auth().credentialSchema().orElse(null) : null;
    String description = Optional.ofNullable(request.description()).orElse(report.title());
    Category category = category(request.category());
    ValidationSpec validation = validation(request, report.tools());
    Provider provider = provider(() -> new Provider(request.slug(), name(request, report.title()), description,
        category, ProviderKind.API, ProviderStatus.ACTIVE, "🔌", baseUrl, null, null, null, null,
        methods, schema, validation, request.answers()));
    String toolsText = StoredTools.write(report.tools());
    Instant at = clock.instant();
    rows.save(provider.slug(), json.writeValueAsString(provider), document, toolsText, actor, at);
    loader.imported(provider.slug(), at.toEpochMilli(), toolsText.length());
    apply(provider);
    onChange.run();
    return new ImportResult(provider, report.tools().stream().map(Tool::name).toList(), report.skipped(),
        report.warnings());
  }

  /** Registers a remote MCP server as an MCP provider; its tools are discovered per user credential. */
  public Provider registerMcp(String actor, ImportRequest request) {
    checkSlug(request.slug());
    if (request.mcpUrl() == null || request.mcpUrl().isBlank()) {
      throw new FieldErrors(Map.of("mcpUrl", "is required"));
    }
    guard.check(request.mcpUrl());
    Integer maxCall = request.maxCallSeconds();
    if (maxCall != null && (maxCall < 1 || maxCall > Provider.MAX_CALL_SECONDS)) {
      throw new FieldErrors(Map.of("maxCallSeconds", "must be between 1 and " + Provider.MAX_CALL_SECONDS
          + " seconds (one day), not " + maxCall));
    }
    String description = Optional.ofNullable(request.description()).orElse("Remote MCP server");
    Category category = category(request.category());
    ValidationSpec validation = validation(request, List.of());
    Provider provider = provider(() -> new Provider(request.slug(), name(request, request.slug()), description,
        category, ProviderKind.MCP, ProviderStatus.ACTIVE, "🧩", null, request.mcpUrl(), null, null, null,
        authMethods(request), request.credentialSchema(), validation, request.answers(), null,
        request.maxCallSeconds()));
    Instant at = clock.instant();
    rows.save(provider.slug(), json.writeValueAsString(provider), null, null, actor, at);
    loader.imported(provider.slug(), at.toEpochMilli(), -1);
    apply(provider);
    onChange.run();
    return provider;
  }

  /** Sets a provider's status (ACTIVE, INACTIVE, DEPRECATED); credentials are kept either way. */
  public Provider setStatus(String slug, ProviderStatus status) {
    Provider changed = stored.setStatus(slug, status, clock.instant());
    onChange.run();
    return changed;
  }

  /** The health check's status change: kept apart from an administrator's, which it never overrides. */
  void setStatusFromHealth(String slug, ProviderStatus status) {
    stored.setStatusFromHealth(slug, status, clock.instant());
    onChange.run();
  }

  /**
   * Deletes an imported API or registered MCP provider: its tools leave every bundle, every user's
   * credentials of it are erased (each revoked at the provider first, when it can be), then the
   * provider itself; other instances drop it on the catalog signal. Shipped providers cannot be
   * deleted (409 {@code provider_shipped}); an unknown slug is 404.
   */
  public void delete(String slug) {
    if (shipped.find(slug).isPresent()) {
      throw SwitchboardException.conflict("provider_shipped",
          "'" + slug + "' is a shipped provider and cannot be deleted; set it INACTIVE instead");
    }
    if (registry.find(slug).isEmpty()) {
      throw SwitchboardException.notFound("provider");
    }
    bundles.dropProvider(slug);
    credentials.eraseProvider(slug);
    rows.delete(slug);
    loader.deleted(slug);
    registry.update(c -> c.find(slug).isPresent() ? rebuildWithout(c, slug) : c);
    onChange.run();
  }

  /** True for a provider an administrator added (imported or registered): it can be deleted. */
  public boolean deletable(String slug) {
    return shipped.find(slug).isEmpty() && registry.find(slug).isPresent();
  }

  /** Why a stored provider's document could not be imported, when it could not (its tools are then empty). */
  public Optional<String> loadError(String slug) {
    return stored.loadError(slug);
  }

  /**
   * Applies what is stored (at start-up, and when another process changed it): see
   * {@link StoredCatalog#refresh}. Answers whether another process had changed something since the
   * last refresh (false at the first).
   */
  public boolean refresh() {
    return stored.refresh();
  }

  private void apply(Provider provider) {
    registry.update(c -> {
      Catalog without = c.find(provider.slug()).isPresent() ? rebuildWithout(c, provider.slug()) : c;
      return without.add(provider);
    });
  }

  private Catalog rebuildWithout(Catalog c, String slug) {
    return Catalog.of(c.all().stream().filter(p -> !p.slug().equals(slug)).toList());
  }

  private void checkSlug(String slug) {
    if (slug == null || !slug.matches("[a-z0-9][a-z0-9-]{1,39}")) {
      throw new FieldErrors(Map.of("slug", "must be 2-40 characters of a-z, 0-9 and '-'"));
    }
    if (shipped.find(slug).isPresent()) {
      throw SwitchboardException.conflict("provider_shipped",
          "'" + slug + "' is a shipped provider; choose another slug");
    }
  }

  private String document(ImportRequest request) {
    if (request.document() != null && !request.document().isBlank()) {
      long size = utf8Length(request.document());
      if (size > maxDocumentBytes) {
        throw tooLarge("the document is " + size + " bytes, over");
      }
      return request.document();
    }
    if (request.url() == null || request.url().isBlank()) {
      throw new FieldErrors(Map.of("document", "give the document's text or its url"));
    }
    HttpResult result = http.send(HttpCall.get(guard.check(request.url()),
        clock.instant().plus(Duration.ofSeconds(30)), maxDocumentBytes));
    if (!result.isSuccess()) {
      throw new SwitchboardException(ErrorKind.UPSTREAM_UNAVAILABLE, "document_unavailable",
          "fetching the document answered HTTP " + result.status());
    }
    if (result.truncated()) {
      throw tooLarge("the document at the URL is larger than");
    }
    return new String(result.body(), StandardCharsets.UTF_8);
  }

  private SwitchboardException tooLarge(String what) {
    return SwitchboardException.invalid("document_too_large", what + " the limit of " + maxDocumentBytes
        + " bytes; SWITCHBOARD_MAX_DOCUMENT_BYTES sets it (at most " + OpenApiImport.MAX_CHARACTERS + ")");
  }

  /** The UTF-8 length of {@code text}, without encoding it. */
  private static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /**
   * The validation tool an import picks when none is named: a read-only operation with the smallest
   * required input ({@link DefaultValidationTool}). Never a writing one: without a read-only operation,
   * or for an MCP provider, the administrator must name one.
   */
  private static ValidationSpec defaultValidation(List<Tool> imported) {
    if (imported.isEmpty()) {
      throw new FieldErrors(Map.of("validationTool",
          "is required: name a cheap, read-only tool of the server to verify credentials with"));
    }
    Tool pick = DefaultValidationTool.pick(imported).orElseThrow(() -> new FieldErrors(Map.of("validationTool",
        "is required: the document has no read-only (GET or HEAD) operation to verify credentials with, and "
            + "Switchboard never picks one that writes; name one of the imported tools")));
    return new ValidationSpec(pick.localName(), Map.of());
  }

  private static String name(ImportRequest request, String fallback) {
    return request.name() == null || request.name().isBlank() ? fallback : request.name();
  }

  private static Category category(String raw) {
    if (raw == null || raw.isBlank()) {
      return Category.DEVELOPER_TOOLS;
    }
    try {
      return Category.valueOf(raw.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
    } catch (IllegalArgumentException e) {
      throw new FieldErrors(Map.of("category", "is not a known category"));
    }
  }

  /**
   * The provider {@code build} makes; a rule it breaks (a Basic method whose user-name field the
   * credential schema lacks, a method listed twice) is the request's fault: 400 naming the rule.
   */
  private static Provider provider(Supplier<Provider> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new FieldErrors(Map.of("authMethods", String.valueOf(e.getMessage())));
    }
  }

  private static List<AuthMethod> authMethods(ImportRequest request) {
    return request.authMethods() == null || request.authMethods().isEmpty()
        ? List.of(new NoAuthMethod())
        : request.authMethods();
  }

  private static ValidationSpec validation(ImportRequest request, List<Tool> imported) {
    if (request.validationTool() == null || request.validationTool().isBlank()) {
      return defaultValidation(imported);
    }
    if (!imported.isEmpty() && imported.stream().noneMatch(t -> t.localName().equals(request.validationTool()))) {
      throw new FieldErrors(Map.of("validationTool", "is not one of the imported tools"));
    }
    return new ValidationSpec(request.validationTool(),
        request.validationArguments() == null ? Map.of() : request.validationArguments());
  }
}
