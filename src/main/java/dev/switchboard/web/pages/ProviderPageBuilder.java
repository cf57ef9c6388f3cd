package dev.switchboard.web.pages;

import dev.switchboard.oauth.RequestedScopes;
import dev.switchboard.credential.ConnectionState;
import dev.switchboard.credential.Credential;
import dev.switchboard.credential.CredentialFilter;
import dev.switchboard.credential.CredentialStatus;
import dev.switchboard.credential.Credentials;
import dev.switchboard.credential.ValidationTools;
import dev.switchboard.credential.Verification;
import dev.switchboard.provider.ApiKeyMethod;
import dev.switchboard.provider.AuthMethod;
import dev.switchboard.provider.AuthMethodType;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.provider.ProviderStatus;
import dev.switchboard.provider.SchemaField;
import dev.switchboard.tool.Tool;
import dev.switchboard.tool.ToolCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds a provider's page for one person from the catalog, their credentials and the tools. */
final class ProviderPageBuilder {
  private final ProviderRegistry catalog;
  private final Credentials credentials;
  private final ToolCatalog tools;
  private final ToolArguments arguments;
  private final RequestedScopes scopes;

  ProviderPageBuilder(ProviderRegistry catalog, Credentials credentials, ToolCatalog tools, ToolArguments arguments,
      RequestedScopes scopes) {
    this.catalog = catalog;
    this.credentials = credentials;
    this.tools = tools;
    this.arguments = arguments;
    this.scopes = scopes;
  }

  /** The page; {@code attempt} and {@code validation} may be null. */
  ProviderPage build(String userId, Provider p, ConnectAttempt attempt, ValidationAttempt validation) {
    List<Credential> mine = credentials.list(userId, new CredentialFilter(Optional.of(p.slug()),
        Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(), 200).items();
    ConnectionState state = credentials.connectionStates(userId).getOrDefault(p.slug(), ConnectionState.NONE);
    List<ConnectForm> forms = new ArrayList<>();
    long manual = p.authMethods().stream().filter(m -> m.type() != AuthMethodType.OAUTH2).count();
    for (AuthMethod method : p.authMethods()) {
      if (method.type() != AuthMethodType.OAUTH2) {
        forms.add(form(p, method, attempt, manual == 1));
      }
    }
    OAuthConnect oauth = p.authMethod(AuthMethodType.OAUTH2)
        .map(m -> new OAuthConnect("/api/v1/oauth/" + p.slug() + "/start",
            String.join(", ", scopes.of(userId, p))))
        .orElse(null);
    String status = p.status() == ProviderStatus.ACTIVE ? null : Text.word(p.status().name());
    return new ProviderPage(p.slug(), p.name(), p.icon(), p.description(), p.category().displayName(),
        Labels.kind(p.kind()), p.docsUrl(), Badge.of(state), status,
        statusNote(p) == null ? null : statusNote(p) + catalog.statusReason(p.slug()).map(r -> " Why: " + r + ".").orElse(""),
        forms, oauth,
        mine.stream().map(c -> row(p, c, scopes.missing(userId, p, c))).toList(), validation(p, mine, validation),
        p.maxCall().map(ProviderPageBuilder::span).orElse(null));
  }

  /** A longest call as people say it: "90 s", "20 min", "1 h 30 min". */
  static String span(Duration d) {
    long seconds = d.toSeconds();
    if (seconds < 120 && seconds % 60 != 0) {
      return seconds + " s";
    }
    long minutes = seconds / 60;
    String rest = seconds % 60 == 0 ? "" : " " + seconds % 60 + " s";
    return minutes < 60 ? minutes + " min" + rest
        : minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min") + rest;
  }

  private ConnectForm form(Provider p, AuthMethod method, ConnectAttempt attempt, boolean only) {
    String type = method.type().name();
    boolean mine = attempt != null && attempt.method().equals(type);
    List<FormField> fields = new ArrayList<>();
    for (SchemaField f : p.fieldsFor(method.type())) {
      String value = "";
      if (!f.secret()) {
        value = mine && attempt.values().containsKey(f.name()) ? attempt.values().get(f.name())
            : f.defaultValue() == null ? "" : String.valueOf(f.defaultValue());
      }
      fields.add(new FormField("field." + f.name(), "f-" + type + "-" + f.name(), f.title(), inputType(f),
          f.required(), f.secret(), f.help(), value, mine ? attempt.errors().get(f.name()) : null));
    }
    FormField label = new FormField("label", "f-" + type + "-label", "Profile name", "text", false, false,
        "A name that tells this credential apart, e.g. Work or Production. Default: " + p.name() + ".",
        mine ? attempt.label() : "", mine ? attempt.errors().get("label") : null);
    boolean noAuth = method.type() == AuthMethodType.NONE;
    return new ConnectForm(type, title(method, fields.isEmpty()), intro(p, method, fields.isEmpty()), fields,
        label, mine ? attempt.error() : null, noAuth, only || mine);
  }

  private ValidationPanel validation(Provider p, List<Credential> mine, ValidationAttempt attempt) {
    List<Credential> active = mine.stream().filter(c -> c.status() == CredentialStatus.ACTIVE).toList();
    if (active.isEmpty()) {
      return null;
    }
    String wanted = attempt == null ? null : attempt.credential();
    Credential chosen = active.stream().filter(c -> c.id().equals(wanted)).findFirst()
        .or(() -> active.stream().filter(Credential::current).findFirst()).orElse(active.get(0));
    List<Option> credentialOptions = active.stream().map(c -> new Option(c.id(),
        c.label() + " — " + Badge.of(c.verification()).word(), c == chosen)).toList();
    List<Tool> candidates = tools.ofProvider(p.slug()).stream()
        .filter(t -> ValidationTools.allowed(p, t)).toList();
    String defaultTool = p.validation().tool();
    String wantedTool = attempt == null || attempt.tool() == null ? defaultTool : attempt.tool();
    Tool tool = candidates.stream().filter(t -> t.localName().equals(wantedTool)).findFirst()
        .or(() -> candidates.stream().filter(t -> t.localName().equals(defaultTool)).findFirst())
        .orElse(candidates.isEmpty() ? null : candidates.get(0));
    if (tool == null) {
      return new ValidationPanel(credentialOptions, List.of(), "", chosen.id(),
          "Runs " + p.name() + "'s default validation tool, " + defaultTool + ".", List.of(),
          attempt == null ? null : attempt.error());
    }
    List<Option> toolOptions = candidates.stream().map(t -> new Option(t.localName(),
        t.title() + (t.localName().equals(defaultTool) ? " (default)" : ""), t == tool)).toList();
    Map<String, String> values;
    if (attempt != null && attempt.arguments() != null && tool.localName().equals(attempt.tool())) {
      values = attempt.arguments();
    } else if (tool.localName().equals(defaultTool)) {
      values = arguments.text(p.validation().arguments());
    } else {
      values = Map.of();
    }
    Map<String, String> errors = attempt == null ? Map.of() : attempt.errors();
    return new ValidationPanel(credentialOptions, toolOptions, tool.localName(), chosen.id(),
        tool.description(), arguments.fields(tool.inputSchema(), values, errors),
        attempt == null ? null : attempt.error());
  }

  private static CredentialRow row(Provider p, Credential c, Set<String> missingScopes) {
    List<String> fields = c.fields().entrySet().stream()
        .map(e -> title(p, e.getKey()) + ": " + e.getValue()).sorted().toList();
    return new CredentialRow(c.id(), c.label(), Labels.method(c.authMethod()),
        c.status() == CredentialStatus.ACTIVE, Badge.of(c.verification()),
        c.verificationMessage().orElse(null), c.current(), c.account().orElse(null),
        Text.when(c.lastUsedAt()), Text.when(c.lastVerifiedAt()), Text.when(c.createdAt()), fields,
        c.grantedScopes().isEmpty() ? null : String.join(", ", c.grantedScopes().stream().sorted().toList()),
        c.authMethod() == AuthMethodType.OAUTH2 && p.supports(AuthMethodType.OAUTH2)
            ? "/api/v1/oauth/" + p.slug() + "/start?credential=" + c.id() : null,
        c.verification() == Verification.VERIFIED,
        missingScopes.isEmpty() ? null : String.join(", ", missingScopes));
  }

  private static String title(Provider p, String field) {
    for (AuthMethod m : p.authMethods()) {
      for (SchemaField f : p.fieldsFor(m.type())) {
        if (f.name().equals(field)) {
          return f.title();
        }
      }
    }
    return field;
  }

  private static String inputType(SchemaField f) {
    if (f.secret()) {
      return "password";
    }
    return switch (f.type()) {
      case INTEGER -> "number";
      case URL -> "url";
      case EMAIL -> "email";
      case STRING -> "text";
    };
  }

  private static String title(AuthMethod method, boolean noFields) {
    return switch (method.type()) {
      case API_KEY -> "API key";
      case BEARER -> "Bearer token";
      case NONE -> noFields ? "No authentication" : "Connection details";
      case OAUTH2 -> "OAuth 2.0";
      case CLIENT_CREDENTIALS -> "OAuth 2.0 client credentials";
      case JWT_GRANT -> "Service account key";
      case AWS_SIGV4 -> "AWS access key";
    };
  }

  private static String intro(Provider p, AuthMethod method, boolean noFields) {
    return switch (method.type()) {
      case API_KEY -> "Generate an API key in " + p.name() + "'s dashboard (Settings → API keys), paste it "
          + "here and choose Save & Verify. " + where((ApiKeyMethod) method);
      case BEARER -> "Paste a token from " + p.name() + "; it is sent as Authorization: Bearer …";
      case NONE -> noFields
          ? p.name() + " needs no credentials. Switchboard still creates a connection record, so that it "
              + "can track that you use it and check that it works."
          : "Enter the connection details; Switchboard tests them by running " + p.validation().tool() + ".";
      case OAUTH2 -> "";
      case CLIENT_CREDENTIALS -> "Enter the client id and secret of an app registered with " + p.name()
          + "; Switchboard gets a short-lived token from its token endpoint before calls and tests it by running "
          + p.validation().tool() + ".";
      case JWT_GRANT -> "Paste the service account's JSON key; Switchboard signs a token request with it (the "
          + "private key never leaves the vault) and tests it by running " + p.validation().tool() + ".";
      case AWS_SIGV4 -> "Create an access key for an IAM user or role with read-only permissions (IAM → Security "
          + "credentials), paste its id and secret here and choose Save & Verify. Every request is signed with it "
          + "(AWS Signature Version 4); the secret is never sent.";
    };
  }

  private static String where(ApiKeyMethod m) {
    return switch (m.in()) {
      case HEADER -> "It is sent in the " + m.name() + " header" + (m.prefix().isEmpty() ? "."
          : " as “" + m.prefix() + "…”.");
      case QUERY -> "It is sent as the query parameter " + m.name() + ".";
      case COOKIE -> "It is sent as the cookie " + m.name() + ".";
      case BASIC -> "It is sent as HTTP Basic authentication together with your " + m.usernameField() + ".";
    };
  }

  private static String statusNote(Provider p) {
    return switch (p.status()) {
      case ACTIVE -> null;
      case INACTIVE -> p.name() + " is temporarily unavailable (a platform issue, maintenance, or Switchboard "
          + "cannot reach it). Your credentials are kept, but its tools do not work until it is active again.";
      case DEPRECATED -> p.name() + " still works but is being phased out and will eventually become "
          + "inactive. Plan to move to an alternative provider.";
    };
  }
}
