package dev.switchboard.tool.internal;

import dev.switchboard.provider.ApiKeyLocation;
import dev.switchboard.provider.ApiKeyMethod;
import dev.switchboard.provider.AuthMethod;
import dev.switchboard.provider.AuthMethodType;
import dev.switchboard.provider.BearerMethod;
import dev.switchboard.provider.CredentialSchema;
import dev.switchboard.provider.FieldType;
import dev.switchboard.provider.NoAuthMethod;
import dev.switchboard.provider.OAuth2Method;
import dev.switchboard.provider.SchemaField;
import dev.switchboard.provider.SchemaShape;
import dev.switchboard.tool.DocumentAuth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A document's {@code securitySchemes} and {@code security} as auth methods, and the parameters
 * that carry a scheme's secret (which tools must not ask for). Each security requirement (the
 * document's first, then the operations' in path order; every scheme alone when no requirement names
 * any) becomes one method; the first of each type wins.
 */
public final class SecuritySchemes {
  private static final String USERNAME = "username";

  private final ApiDocument document;
  private final Map<String, JsonNode> schemes = new LinkedHashMap<>();

  public SecuritySchemes(ApiDocument document) {
    this.document = document;
    for (Map.Entry<String, JsonNode> scheme : document.root().path("components").path("securitySchemes")
        .properties()) {
      try {
        schemes.put(scheme.getKey(), document.deref(scheme.getValue()));
      } catch (OperationSkipped e) {
        // an external or broken scheme reference: the scheme is unusable, the rest still count
      }
    }
  }

  /**
   * True when a parameter in {@code in} named {@code name} carries an {@code apiKey} scheme's
   * secret (header names compared without case): the auth method sends it, the tool does not ask.
   */
  public boolean carriesSecret(String in, String name) {
    for (JsonNode scheme : schemes.values()) {
      if (Nodes.text(scheme, "type").equals("apiKey") && Nodes.text(scheme, "in").equals(in)
          && (in.equals("header") ? Nodes.text(scheme, "name").equalsIgnoreCase(name)
              : Nodes.text(scheme, "name").equals(name))) {
        return true;
      }
    }
    return false;
  }

  /** The auth methods the document declares. */
  public DocumentAuth auth(List<Operations.Ref> operations) {
    Set<Set<String>> requirements = new LinkedHashSet<>();
    addRequirements(document.root().path("security"), requirements);
    operations.forEach(op -> addRequirements(op.operation().path("security"), requirements));
    if (requirements.isEmpty()) {
      schemes.keySet().forEach(name -> requirements.add(Set.of(name)));
    }
    Map<AuthMethodType, AuthMethod> methods = new EnumMap<>(AuthMethodType.class);
    List<AuthMethodType> order = new ArrayList<>();
    List<SchemaField> fields = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Set<String> requirement : requirements) {
      Optional<AuthMethod> method = method(requirement, fields, notes);
      if (method.isPresent() && !methods.containsKey(method.get().type())) {
        methods.put(method.get().type(), method.get());
        order.add(method.get().type());
      } else if (method.isPresent()) {
        notes.add("requirement " + requirement + " left out: the document already gave a "
            + method.get().type() + " method");
      }
    }
    List<AuthMethod> ordered = order.stream().map(methods::get).toList();
    return new DocumentAuth(ordered, credentialSchema(ordered, fields), notes);
  }

  private static void addRequirements(JsonNode security, Set<Set<String>> into) {
    for (JsonNode requirement : security) {
      Set<String> names = new LinkedHashSet<>();
      requirement.properties().forEach(entry -> names.add(entry.getKey()));
      into.add(names);
    }
  }

  private Optional<AuthMethod> method(Set<String> requirement, List<SchemaField> fields, List<String> notes) {
    if (requirement.isEmpty()) {
      return Optional.of(new NoAuthMethod());
    }
    List<JsonNode> parts = new ArrayList<>();
    for (String name : requirement) {
      JsonNode scheme = schemes.get(name);
      if (scheme == null) {
        notes.add("security names " + Nodes.cut(name) + ", which is not a usable security scheme");
        return Optional.empty();
      }
      parts.add(scheme);
    }
    if (parts.size() == 1) {
      return single(parts.get(0), fields, notes);
    }
    if (parts.stream().allMatch(p -> Nodes.text(p, "type").equals("apiKey") && location(p).isPresent())) {
      return Optional.of(severalKeys(parts, fields));
    }
    notes.add("requirement " + requirement + " left out: only API keys can be sent together");
    return Optional.empty();
  }

  private Optional<AuthMethod> single(JsonNode scheme, List<SchemaField> fields, List<String> notes) {
    String type = Nodes.text(scheme, "type");
    switch (type) {
      case "apiKey" -> {
        Optional<ApiKeyLocation> in = location(scheme);
        if (in.isEmpty() || Nodes.text(scheme, "name").isBlank()) {
          notes.add("apiKey scheme without a usable in/name left out");
          return Optional.empty();
        }
        return Optional.of(new ApiKeyMethod(in.get(), Nodes.text(scheme, "name"), null, null));
      }
      case "http" -> {
        String scheme0 = Nodes.text(scheme, "scheme").toLowerCase(Locale.ROOT);
        if (scheme0.equals("bearer")) {
          return Optional.of(new BearerMethod());
        }
        if (scheme0.equals("basic")) {
          fields.add(new SchemaField(USERNAME, "User name", FieldType.STRING, true, true, null, null,
              "The HTTP Basic user name (for some APIs, the API key itself)", null));
          return Optional.of(new ApiKeyMethod(ApiKeyLocation.BASIC, null, null, USERNAME));
        }
        notes.add("http scheme " + Nodes.cut(scheme0) + " left out: only basic and bearer are supported");
        return Optional.empty();
      }
      case "oauth2" -> {
        JsonNode code = scheme.path("flows").path("authorizationCode");
        if (Nodes.text(code, "authorizationUrl").isBlank() || Nodes.text(code, "tokenUrl").isBlank()) {
          notes.add("oauth2 scheme left out: only the authorizationCode flow is supported");
          return Optional.empty();
        }
        try {
          return Optional.of(new OAuth2Method(Nodes.text(code, "authorizationUrl"), Nodes.text(code, "tokenUrl"),
              null, null, null, List.of(), null, false, Map.of(), null));
        } catch (IllegalArgumentException e) {
          notes.add("oauth2 scheme left out: " + Nodes.cut(e.getMessage()));
          return Optional.empty();
        }
      }
      case "openIdConnect" -> {
        String url = Nodes.text(scheme, "openIdConnectUrl");
        int wellKnown = url.indexOf("/.well-known/");
        String issuer = wellKnown > 0 ? url.substring(0, wellKnown) : url;
        try {
          return Optional.of(new OAuth2Method(null, null, null, issuer, null, List.of(), null, true, Map.of(),
              null));
        } catch (IllegalArgumentException e) {
          notes.add("openIdConnect scheme left out: " + Nodes.cut(e.getMessage()));
          return Optional.empty();
        }
      }
      default -> {
        notes.add("security scheme of type " + Nodes.cut(type) + " left out");
        return Optional.empty();
      }
    }
  }

  /** The first key is the method's {@code api_key}; each further one its own secret field. */
  private static AuthMethod severalKeys(List<JsonNode> parts, List<SchemaField> fields) {
    fields.add(SchemaField.secret("api_key", Nodes.text(parts.get(0), "name")));
    List<ApiKeyMethod.Also> also = new ArrayList<>();
    Set<String> used = new LinkedHashSet<>(List.of("api_key"));
    for (JsonNode part : parts.subList(1, parts.size())) {
      String name = Nodes.text(part, "name");
      String field = fieldName(name, used);
      fields.add(SchemaField.secret(field, name));
      also.add(new ApiKeyMethod.Also(location(part).orElseThrow(), name, null, field));
    }
    return new ApiKeyMethod(location(parts.get(0)).orElseThrow(), Nodes.text(parts.get(0), "name"), null, null,
        also);
  }

  private static String fieldName(String wireName, Set<String> used) {
    String base = wireName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^[^a-z]+", "");
    base = base.isEmpty() ? "key" : base.substring(0, Math.min(base.length(), 36));
    String name = base;
    for (int i = 2; !used.add(name); i++) {
      name = base + "_" + i;
    }
    return name;
  }

  private static Optional<ApiKeyLocation> location(JsonNode scheme) {
    return switch (Nodes.text(scheme, "in")) {
      case "header" -> Optional.of(ApiKeyLocation.HEADER);
      case "query" -> Optional.of(ApiKeyLocation.QUERY);
      case "cookie" -> Optional.of(ApiKeyLocation.COOKIE);
      default -> Optional.empty();
    };
  }

  /**
   * The fields the methods need beyond the defaults; with a schema every method's secret must be a
   * field, so {@code api_key} and {@code token} are added for API_KEY and BEARER. Fields are required
   * only when the provider has one way to connect (otherwise each method would ask for the others').
   */
  private static Optional<CredentialSchema> credentialSchema(List<AuthMethod> methods, List<SchemaField> extra) {
    if (extra.isEmpty()) {
      return Optional.empty();
    }
    Map<String, SchemaField> fields = new LinkedHashMap<>();
    extra.forEach(f -> fields.putIfAbsent(f.name(), f));
    boolean apiKey = methods.stream().anyMatch(m -> m.type() == AuthMethodType.API_KEY);
    if (apiKey) {
      boolean basic = methods.stream().anyMatch(m -> m instanceof ApiKeyMethod k && k.in() == ApiKeyLocation.BASIC);
      fields.putIfAbsent("api_key", basic
          ? new SchemaField("api_key", "Password", FieldType.STRING, true, true, "password", null, null, null)
          : SchemaField.API_KEY);
    }
    if (methods.stream().anyMatch(m -> m.type() == AuthMethodType.BEARER)) {
      fields.putIfAbsent("token", SchemaField.TOKEN);
    }
    long ways = methods.stream().filter(m -> m.type() != AuthMethodType.OAUTH2).count();
    List<SchemaField> list = fields.values().stream()
        .map(f -> ways > 1 ? new SchemaField(f.name(), f.title(), f.type(), false, f.secret(), f.format(),
            f.pattern(), f.help(), f.defaultValue()) : f)
        .toList();
    return Optional.of(new CredentialSchema(SchemaShape.CUSTOM, list));
  }
}
