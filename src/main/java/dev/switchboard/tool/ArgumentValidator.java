package dev.switchboard.tool;

import com.networknt.schema.Schema;
import dev.switchboard.tool.internal.ArgumentProblems;
import dev.switchboard.tool.internal.JsonSchemas;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Checks a tool call's arguments against the tool's input schema (JSON Schema 2020-12; {@code format}
 * is an annotation, as 2020-12 defines it by default, not checked). Compiled schemas are cached per
 * tool name and recompiled when the tool's schema changes. Thread-safe.
 */
public final class ArgumentValidator {
  private final JsonSchemas schemas = new JsonSchemas();
  private final ConcurrentMap<String, Compiled> cache = new ConcurrentHashMap<>();

  private record Compiled(JsonNode source, Schema schema) {}

  /**
   * The problems of {@code arguments}, each "field path: message" ({@code owner: is required},
   * {@code per_page: must be an integer}, {@code body.labels[0]: must be a string}); empty when they
   * are valid. Messages never contain submitted values. Null, JSON null and missing arguments count
   * as {@code {}}.
   *
   * @throws IllegalStateException when the tool's own schema does not compile (imports check every
   *     schema, so that is a bug, not a bad call)
   */
  public List<String> problems(Tool tool, JsonNode arguments) {
    JsonNode instance = arguments == null || arguments.isNull() || arguments.isMissingNode()
        ? JsonNodeFactory.instance.objectNode() : arguments;
    return ArgumentProblems.describe(compiled(tool).validate(instance));
  }

  private Schema compiled(Tool tool) {
    Compiled cached = cache.get(tool.name());
    if (cached == null || !sameSchema(cached.source(), tool.inputSchema())) {
      try {
        cached = new Compiled(tool.inputSchema(), schemas.compile(tool.inputSchema()));
      } catch (RuntimeException e) {
        throw new IllegalStateException("input schema of " + tool.name() + " does not compile", e);
      }
      cache.put(tool.name(), cached);
    }
    return cached.schema();
  }

  private static boolean sameSchema(JsonNode cached, JsonNode current) {
    return cached == current || cached.equals(current);
  }
}
