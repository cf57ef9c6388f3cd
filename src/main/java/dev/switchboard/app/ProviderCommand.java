package dev.switchboard.app;

import dev.switchboard.admin.ImportRequest;
import dev.switchboard.admin.ImportResult;
import dev.switchboard.provider.AnswerRule;
import dev.switchboard.provider.ApiKeyLocation;
import dev.switchboard.provider.ApiKeyMethod;
import dev.switchboard.provider.AuthMethod;
import dev.switchboard.provider.BearerMethod;
import dev.switchboard.provider.CredentialSchema;
import dev.switchboard.provider.NoAuthMethod;
import dev.switchboard.provider.OAuth2Method;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code switchboard provider …}: the provider catalog. Imports and status changes are stored in
 * the database; running servers pick them up within seconds.
 */
@Command(name = "provider", mixinStandardHelpOptions = true, description = "Inspect and extend the provider catalog.")
final class ProviderCommand {
  private static final String AUTH_HELP = "How users authenticate (default: as the document's security schemes "
      + "say): NONE, BEARER, API_KEY:HEADER:<name>[:<prefix>], API_KEY:QUERY:<name>, API_KEY:COOKIE:<name>, "
      + "API_KEY:BASIC:<username field>, OAUTH2:<authorize URL>|<token URL>[|<scopes>]";
  private static final String CREDENTIAL_SCHEMA_HELP = "The credential fields, as the catalog's credentialSchema "
      + "JSON (text or @file); required for API_KEY:BASIC";
  private final CliEnvironment env;

  ProviderCommand(CliEnvironment env) {
    this.env = env;
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the providers.")
  int list() {
    return env.withCatalog(app -> {
      for (Provider p : app.registry.all()) {
        env.out().printf("%-14s %-18s %-16s %-4s %-10s %s%n", p.slug(), p.name(),
            p.category().displayName(), p.kind(), p.status(),
            p.authMethods().stream().map(m -> m.type().name()).collect(Collectors.joining(",")));
      }
      return 0;
    });
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Import an OpenAPI document (3.0, 3.1 or Swagger 2.0) as an API provider.")
  int importOpenApi(
      @Option(names = "--openapi", required = true, description = "A file path or an http(s) URL") String source,
      @Option(names = "--slug", required = true, description = "The provider's slug (tool names start with it)") String slug,
      @Option(names = "--name", description = "Display name (default: the document's title)") String name,
      @Option(names = "--category", description = "A category such as DEVELOPER_TOOLS") String category,
      @Option(names = "--base-url", description = "Where the API lives (default: the document's server)") String baseUrl,
      @Option(names = "--auth", split = ",", description = AUTH_HELP) List<String> auth,
      @Option(names = "--credential-schema", description = CREDENTIAL_SCHEMA_HELP) String credentialSchema,
      @Option(names = "--credential-parameter", split = ",", description = "A parameter or top-level body field "
          + "that carries the credential (Slack's token): left out of tool inputs, filled from the credential")
      List<String> credentialParameters,
      @Option(names = "--validation-tool", description = "Local name of the default validation tool") String validationTool,
      @Option(names = "--answers", description = "A JSON file of answer rules (docs/providers.md, \"Answer rules\"): "
          + "how the API says no with HTTP 200") Path answers)
      throws IOException {
    boolean url = source.startsWith("http://") || source.startsWith("https://");
    String document = url ? null : Files.readString(Path.of(source), StandardCharsets.UTF_8);
    CredentialSchema schema = schema(credentialSchema);
    List<AnswerRule> rules = answers(answers);
    return env.withProviders(stores -> {
      if (url) {
        stores.startOutbound();
      }
      ImportResult result = stores.admin.importOpenApi("cli", new ImportRequest(slug, name, category,
          null, document, url ? source : null, baseUrl, null, methods(auth), validationTool, null,
          schema, credentialParameters, rules));
      env.out().println("imported " + result.provider().slug() + ": " + result.tools().size() + " tool(s)");
      result.skipped().forEach(s -> env.out().println("  skipped " + s.method() + " " + s.path() + ": "
          + s.reason() + " — " + s.detail()));
      result.warnings().forEach(w -> env.out().println("  warning: " + w));
      return 0;
    });
  }

  @Command(name = "add-mcp", mixinStandardHelpOptions = true, description = "Register a remote MCP server as a provider.")
  int addMcp(
      @Option(names = "--url", required = true, description = "The server's MCP URL") String mcpUrl,
      @Option(names = "--slug", required = true, description = "The provider's slug") String slug,
      @Option(names = "--name", description = "Display name") String name,
      @Option(names = "--category", description = "A category such as DEVELOPER_TOOLS") String category,
      @Option(names = "--auth", split = ",", description = AUTH_HELP) List<String> auth,
      @Option(names = "--credential-schema", description = CREDENTIAL_SCHEMA_HELP) String credentialSchema,
      @Option(names = "--validation-tool", required = true,
          description = "Name of a cheap, read-only tool of the server that verifies a credential") String validationTool,
      @Option(names = "--answers", description = "A JSON file of answer rules (docs/providers.md, \"Answer rules\")")
      Path answers,
      @Option(names = "--max-call-seconds", description = "The longest a tool call may last while the server "
          + "reports progress (default: SWITCHBOARD_MCP_MAX_CALL_MS)") Integer maxCallSeconds) throws IOException {
    CredentialSchema schema = schema(credentialSchema);
    List<AnswerRule> rules = answers(answers);
    return env.withProviders(stores -> {
      Provider p = stores.admin.registerMcp("cli", new ImportRequest(slug, name, category, null, null,
          null, null, mcpUrl, methods(auth), validationTool, null, schema, null, rules, maxCallSeconds));
      env.out().println("registered MCP provider " + p.slug() + " at " + p.mcpUrl());
      return 0;
    });
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Set a provider's status: ACTIVE, INACTIVE (tools stop, credentials kept) or DEPRECATED.")
  int status(@Parameters(paramLabel = "SLUG", description = "The provider") String slug,
      @Parameters(paramLabel = "STATUS", description = "ACTIVE, INACTIVE or DEPRECATED") String status) {
    ProviderStatus next = ProviderStatus.valueOf(status.toUpperCase(Locale.ROOT));
    return env.withCatalog(app -> {
      // running servers see the stored status within seconds (their catalog refresh polls the rows)
      Provider p = app.stored.setStatus(slug, next, Instant.now());
      env.out().println(p.slug() + " is now " + p.status());
      return 0;
    });
  }

  @Command(name = "delete", mixinStandardHelpOptions = true,
      description = "Delete an imported or registered provider: its tools leave every bundle and every user's "
          + "credentials of it are revoked and erased. Shipped providers cannot be deleted.")
  int delete(@Parameters(paramLabel = "SLUG", description = "The provider") String slug) {
    return env.withProviders(stores -> {
      stores.startOutboundToRevoke(slug);
      stores.admin.delete(slug);
      env.out().println("deleted provider " + slug);
      return 0;
    });
  }

  /**
   * The credential schema in {@code spec}: JSON text, or {@code @file} holding it; null when absent.
   * Its mapper is made only then (finding Jackson's modules costs a command a few hundredths of a second).
   */
  private static CredentialSchema schema(String spec) throws IOException {
    if (spec == null || spec.isBlank()) {
      return null;
    }
    String text = spec.startsWith("@") ? Files.readString(Path.of(spec.substring(1)), StandardCharsets.UTF_8) : spec;
    return JsonMapper.builder().findAndAddModules().build().readValue(text, CredentialSchema.class);
  }

  /**
   * The auth methods of {@code --auth} (the same shapes the REST import takes as JSON): {@code NONE},
   * {@code BEARER}, {@code API_KEY:HEADER:<name>[:<prefix>]}, {@code API_KEY:QUERY:<name>},
   * {@code API_KEY:COOKIE:<name>}, {@code API_KEY:BASIC:<username field>}, or
   * {@code OAUTH2:<authorize URL>|<token URL>[|<scope> <scope>…]}; none given means the document's.
   */
  static List<AuthMethod> methods(List<String> specs) {
    List<AuthMethod> methods = new ArrayList<>();
    for (String spec : specs == null ? List.<String>of() : specs) {
      String[] parts = spec.split(":", 2);
      String rest = parts.length > 1 ? parts[1] : "";
      switch (parts[0].toUpperCase(Locale.ROOT)) {
        case "NONE" -> methods.add(new NoAuthMethod());
        case "BEARER" -> methods.add(new BearerMethod());
        case "API_KEY" -> methods.add(apiKey(rest));
        case "OAUTH2" -> {
          String[] urls = rest.split("\\|", 3);
          if (urls.length < 2) {
            throw new IllegalArgumentException("--auth OAUTH2 needs two URLs: OAUTH2:<authorize URL>|<token URL>");
          }
          List<String> scopes = urls.length > 2 && !urls[2].isBlank() ? List.of(urls[2].trim().split("\\s+")) : List.of();
          methods.add(new OAuth2Method(urls[0], urls[1], null, null, null, scopes, null, true, Map.of(), null));
        }
        default -> throw new IllegalArgumentException("unknown --auth " + spec);
      }
    }
    return methods;
  }

  /** The answer rules in a JSON file (an array of rules), or null without one. */
  static List<AnswerRule> answers(Path file) throws IOException {
    if (file == null) {
      return null;
    }
    try {
      return JsonMapper.builder().build().readValue(Files.readString(file, StandardCharsets.UTF_8),
          new TypeReference<List<AnswerRule>>() { });
    } catch (JacksonException e) {
      throw new IllegalArgumentException(file + " is not a JSON array of answer rules: " + e.getOriginalMessage());
    }
  }

  private static ApiKeyMethod apiKey(String rest) {
    String[] parts = rest.split(":", 3);
    if (parts.length < 2 || parts[1].isBlank()) {
      throw new IllegalArgumentException("--auth API_KEY needs a place and a name: API_KEY:HEADER:X-Api-Key, "
          + "API_KEY:QUERY:api_key, API_KEY:COOKIE:session or API_KEY:BASIC:<username field>");
    }
    return switch (parts[0].toUpperCase(Locale.ROOT)) {
      case "HEADER" -> ApiKeyMethod.header(parts[1], parts.length > 2 ? parts[2] : null);
      case "QUERY" -> ApiKeyMethod.query(parts[1]);
      case "COOKIE" -> new ApiKeyMethod(ApiKeyLocation.COOKIE, parts[1], null, null);
      case "BASIC" -> new ApiKeyMethod(ApiKeyLocation.BASIC, null, null, parts[1]);
      default -> throw new IllegalArgumentException("API_KEY goes in HEADER, QUERY, COOKIE or BASIC, not " + parts[0]);
    };
  }
}
