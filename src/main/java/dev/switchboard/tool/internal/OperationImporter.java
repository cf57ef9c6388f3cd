package dev.switchboard.tool.internal;

import dev.switchboard.tool.HttpOperation;
import dev.switchboard.tool.SkipReason;
import dev.switchboard.tool.Tool;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one operation into a {@link Tool} with an {@link HttpOperation} recipe, or throws
 * {@link OperationSkipped}. One instance per import; not thread-safe.
 */
public final class OperationImporter {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String provider;
  private final ApiDocument document;
  private final RefGraph refs;
  private final JsonSchemas schemas;
  private final SecuritySchemes security;
  private final Set<String> credentialNames;

  public OperationImporter(String provider, ApiDocument document, JsonSchemas schemas) {
    this(provider, document, schemas, new SecuritySchemes(document), Set.of());
  }

  /**
   * An importer that leaves out of tool inputs the parameters carrying a security scheme's secret and the
   * parameters and top-level body fields named in {@code credentialNames} (filled from the credential).
   */
  public OperationImporter(String provider, ApiDocument document, JsonSchemas schemas, SecuritySchemes security,
      Set<String> credentialNames) {
    this.provider = provider;
    this.document = document;
    this.refs = new RefGraph(document);
    this.schemas = schemas;
    this.security = security;
    this.credentialNames = Set.copyOf(credentialNames);
  }

  /** The tool named {@code name} for {@code operation}. */
  public Tool toTool(String name, Operations.Ref operation) {
    Optional<String> server = ownServer(operation);
    SchemaConverter converter = new SchemaConverter(document, refs);
    Optional<RequestBodies.Choice> body = RequestBodies.of(document, operation.operation());
    List<HttpOperation.CredentialParameter> fromCredential = new ArrayList<>();
    List<Parameters.Spec> specs = bindPath(operation.path(), Parameters.of(document, operation.pathItem(),
        operation.operation(), security::carriesSecret, credentialNames, fromCredential), fromCredential);

    ObjectNode properties = NODES.objectNode();
    ArrayNode required = NODES.arrayNode();
    ArgumentNames names = new ArgumentNames();
    body.ifPresent(b -> names.reserve("body"));
    List<HttpOperation.Parameter> parameters = new ArrayList<>();
    for (Parameters.Spec spec : specs) {
      String argument = names.pick(spec.name(), spec.in());
      properties.set(argument, annotated(converter.convert(spec.schema()), spec.description(), spec.deprecated()));
      if (spec.required()) {
        required.add(argument);
      }
      parameters.add(new HttpOperation.Parameter(argument, spec.name(), spec.in(), spec.required(), spec.explode(),
          spec.style()));
    }
    body.ifPresent(b -> {
      JsonNode bodySchema = withoutCredentialFields(converter.convert(b.schema()), fromCredential);
      if (b.contentType().startsWith(RequestBodies.MULTIPART)) {
        bodySchema = MultipartFiles.of(bodySchema);
      }
      properties.set("body", annotated(bodySchema, b.description(), false));
      if (b.required()) {
        required.add("body");
      }
    });

    JsonNode inputSchema = inputSchema(properties, required, converter);
    HttpOperation recipe = new HttpOperation(operation.method(), operation.path(), parameters,
        body.map(b -> new HttpOperation.Body("body", b.contentType(), b.required(), b.encoding())), fromCredential,
        server);
    return new Tool(name, provider, name.substring(provider.length() + 1), ToolText.title(operation.operation(), operation.method(),
        operation.path()),
        ToolText.description(operation.operation()), inputSchema,
        SecurityScopes.of(document, operation.operation()), recipe);
  }

  private JsonNode inputSchema(ObjectNode properties, ArrayNode required, SchemaConverter converter) {
    // no "$schema": MCP (2025-11-25) reads schemas without one as 2020-12, and every tools/list pays for it
    ObjectNode schema = NODES.objectNode().put("type", "object");
    schema.set("properties", properties);
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    schema.put("additionalProperties", false);
    if (!converter.defs().isEmpty()) {
      schema.putObject("$defs").setAll(converter.defs());
    }
    Examples.pruneContradicting(schema);
    List<String> problems = schemas.problems(schema);
    if (!problems.isEmpty()) {
      throw new OperationSkipped(SkipReason.INVALID_SCHEMA, Nodes.cut(problems.get(0).replaceAll("\\s+", " ")));
    }
    return schema;
  }

  /** The body schema without the top-level fields named as credential fields; each goes to {@code into}. */
  private JsonNode withoutCredentialFields(JsonNode schema, List<HttpOperation.CredentialParameter> into) {
    if (credentialNames.isEmpty() || !schema.path("properties").isObject()) {
      return schema;
    }
    ObjectNode object = (ObjectNode) schema;
    ObjectNode fields = (ObjectNode) object.get("properties");
    for (String name : credentialNames) {
      if (fields.has(name)) {
        fields.remove(name);
        into.add(new HttpOperation.CredentialParameter(name, null));
        if (object.path("required").isArray()) {
          ArrayNode required = NODES.arrayNode();
          object.get("required").forEach(r -> {
            if (!r.asString().equals(name)) {
              required.add(r);
            }
          });
          object.set("required", required);
        }
      }
    }
    return object;
  }

  private static JsonNode annotated(JsonNode schema, String description, boolean deprecated) {
    if (!schema.isObject()) {
      return schema;
    }
    ObjectNode object = (ObjectNode) schema;
    if (!description.isBlank() && !object.has("description")) {
      object.put("description", HtmlMarkdown.of(description).strip());
    }
    if (deprecated) {
      object.put("deprecated", true);
    }
    return object;
  }

  /**
   * The server the operation declares for itself (its own {@code servers} first, else its path
   * item's), when that is not one of the document's: its first entry with variables at their
   * defaults. A relative one is resolved against the document's first server; one that stays
   * relative, or is not http(s), skips the operation ({@code SERVER_OVERRIDE}).
   */
  private Optional<String> ownServer(Operations.Ref operation) {
    Set<String> documentServers = new HashSet<>();
    document.root().path("servers").forEach(server -> documentServers.add(Nodes.text(server, "url")));
    for (JsonNode owner : List.of(operation.operation(), operation.pathItem())) {
      JsonNode servers = owner.path("servers");
      if (!servers.isArray() || servers.isEmpty()) {
        continue;
      }
      JsonNode first = servers.get(0);
      String url = Nodes.text(first, "url");
      if (documentServers.contains(url)) {
        return Optional.empty();
      }
      for (var variable : first.path("variables").properties()) {
        url = url.replace("{" + variable.getKey() + "}", Nodes.text(variable.getValue(), "default"));
      }
      String resolved = absolute(url);
      if (!(resolved.startsWith("http://") || resolved.startsWith("https://")) || resolved.contains("{")) {
        throw new OperationSkipped(SkipReason.SERVER_OVERRIDE,
            "declares its own server " + Nodes.cut(url) + ", which is not an absolute http(s) URL");
      }
      return Optional.of(resolved.endsWith("/") ? resolved.substring(0, resolved.length() - 1) : resolved);
    }
    return Optional.empty();
  }

  /** {@code url}, resolved against the document's first server when it is relative (as OpenAPI says). */
  private String absolute(String url) {
    if (url.startsWith("http://") || url.startsWith("https://")) {
      return url;
    }
    Optional<String> base = document.serverUrl().filter(b -> b.startsWith("http://") || b.startsWith("https://"));
    if (base.isEmpty()) {
      return url;
    }
    try {
      return URI.create(base.get()).resolve(url).toString();
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  /** {@code specs} without path parameters the path does not use; throws for a placeholder without one. */
  private static List<Parameters.Spec> bindPath(String path, List<Parameters.Spec> specs,
      List<HttpOperation.CredentialParameter> fromCredential) {
    Set<String> placeholders = new HashSet<>();
    Matcher placeholder = PLACEHOLDER.matcher(path);
    while (placeholder.find()) {
      String name = placeholder.group(1);
      placeholders.add(name);
      if (specs.stream().noneMatch(s -> s.in() == HttpOperation.In.PATH && s.name().equals(name))
          && fromCredential.stream().noneMatch(c -> c.in() == HttpOperation.In.PATH && c.wireName().equals(name))) {
        throw new OperationSkipped(SkipReason.INVALID_PATH, "no path parameter for {" + Nodes.cut(name) + "}");
      }
    }
    return specs.stream().filter(s -> s.in() != HttpOperation.In.PATH || placeholders.contains(s.name())).toList();
  }
}
