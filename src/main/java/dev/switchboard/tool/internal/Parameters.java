package dev.switchboard.tool.internal;

import dev.switchboard.tool.HttpOperation;
import dev.switchboard.tool.SkipReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The parameters an operation's call sends: path-level and operation-level ones merged (the
 * operation's win, keyed by location and name), references resolved, optional cookies and the
 * headers OpenAPI says to ignore ({@code Accept}, {@code Content-Type}, {@code Authorization})
 * left out. Throws {@link OperationSkipped} for what a call recipe cannot send.
 */
final class Parameters {
  private static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type", "authorization");

  /** One parameter to send; {@code schema} is the OpenAPI schema as written. */
  record Spec(String name, HttpOperation.In in, boolean required, boolean explode, JsonNode schema,
      String description, boolean deprecated) {}

  private Parameters() {}

  static List<Spec> of(ApiDocument document, JsonNode pathItem, JsonNode operation) {
    Map<String, JsonNode> merged = new LinkedHashMap<>();
    for (JsonNode list : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
      for (JsonNode reference : list) {
        JsonNode parameter = document.deref(reference);
        merged.put(Nodes.text(parameter, "in") + " " + Nodes.text(parameter, "name"), parameter);
      }
    }
    List<Spec> specs = new ArrayList<>();
    merged.values().forEach(parameter -> spec(parameter).ifPresent(specs::add));
    return specs;
  }

  private static Optional<Spec> spec(JsonNode parameter) {
    String name = Nodes.text(parameter, "name");
    String in = Nodes.text(parameter, "in");
    boolean required = in.equals("path") || isTrue(parameter, "required");
    if (name.isEmpty()) {
      throw unsupported("a parameter has no name");
    }
    if (in.equals("cookie")) {
      if (required) {
        throw new OperationSkipped(SkipReason.COOKIE_PARAMETER, "cookie parameter " + Nodes.cut(name) + " is required");
      }
      return Optional.empty();
    }
    if (in.equals("header") && IGNORED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    if (!Set.of("path", "query", "header").contains(in)) {
      throw unsupported("parameter " + Nodes.cut(name) + " is in \"" + Nodes.cut(in) + "\"");
    }
    HttpOperation.In where = HttpOperation.In.valueOf(in.toUpperCase(Locale.ROOT));
    String style = Nodes.text(parameter, "style");
    if (!style.isEmpty() && !style.equals(where == HttpOperation.In.QUERY ? "form" : "simple")) {
      throw unsupported("parameter " + Nodes.cut(name) + " uses style " + Nodes.cut(style));
    }
    if (!parameter.has("schema")) {
      throw unsupported("parameter " + Nodes.cut(name) + " has no schema (content is not supported)");
    }
    boolean explode = parameter.path("explode").isBoolean()
        ? parameter.get("explode").booleanValue() : where == HttpOperation.In.QUERY;
    return Optional.of(new Spec(name, where, required, explode, parameter.get("schema"),
        Nodes.text(parameter, "description"), isTrue(parameter, "deprecated")));
  }

  private static boolean isTrue(JsonNode node, String field) {
    return node.path(field).isBoolean() && node.get(field).booleanValue();
  }

  private static OperationSkipped unsupported(String detail) {
    return new OperationSkipped(SkipReason.UNSUPPORTED_PARAMETER, detail);
  }
}
