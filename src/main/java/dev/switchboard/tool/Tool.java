package dev.switchboard.tool;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One action an AI can take: its MCP name ({@code {provider}_{tool}}, at most 64 characters of
 * {@code [A-Za-z0-9_-]}, stable across restarts), a description, a JSON Schema 2020-12 for its
 * arguments, the OAuth scopes it needs, and how to execute it. Immutable.
 *
 * @param name the full MCP tool name, {@code provider + "_" + localName} (shortened if needed)
 * @param provider the provider slug
 * @param localName the tool's name within its provider, e.g. {@code list_models}
 * @param inputSchema a JSON Schema 2020-12 object schema (never mutated after construction)
 * @param upstreamFields the other fields of a remote MCP server's tool definition, shown to MCP
 *     clients unchanged (secrets redacted): {@code annotations}, {@code outputSchema}, {@code icons},
 *     {@code execution}, {@code _meta}; an empty object for every other tool (never mutated)
 */
public record Tool(
    String name,
    String provider,
    String localName,
    String title,
    String description,
    JsonNode inputSchema,
    Set<String> requiredScopes,
    ToolRecipe recipe,
    ObjectNode upstreamFields) {

  /** The fields of an MCP tool definition {@link #upstreamFields} may hold. */
  public static final Set<String> UPSTREAM_FIELDS = Set.of("annotations", "outputSchema", "icons", "execution",
      "_meta");

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  public Tool {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(localName, "localName");
    Objects.requireNonNull(inputSchema, "inputSchema");
    Objects.requireNonNull(recipe, "recipe");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("tool name must be 1-64 characters of [A-Za-z0-9_-]: " + name);
    }
    title = title == null ? localName : title;
    description = description == null ? "" : description;
    requiredScopes = Set.copyOf(requiredScopes);
    upstreamFields = upstreamFields == null ? JsonNodeFactory.instance.objectNode() : upstreamFields;
  }

  /** A tool of Switchboard's own (HTTP operation, built-in): no fields from a remote definition. */
  public Tool(String name, String provider, String localName, String title, String description,
      JsonNode inputSchema, Set<String> requiredScopes, ToolRecipe recipe) {
    this(name, provider, localName, title, description, inputSchema, requiredScopes, recipe, null);
  }
}
