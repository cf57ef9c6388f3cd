package dev.switchboard.tool.internal;

import dev.switchboard.tool.HttpOperation;
import dev.switchboard.tool.SkipReason;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import tools.jackson.databind.JsonNode;

/**
 * The parameters an operation's call sends: path-level and operation-level ones merged (the
 * operation's win, keyed by location and name), references resolved, optional cookies and the
 * headers OpenAPI says to ignore ({@code Accept}, {@code Content-Type}, {@code Authorization})
 * left out. Styles: {@code form}, {@code spaceDelimited}, {@code pipeDelimited} and {@code deepObject}
 * in the query, {@code simple} in headers, {@code simple}, {@code label} and {@code matrix} in the path. Throws {@link OperationSkipped} for what a call recipe cannot send.
 */
final class Parameters {
  private static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type", "authorization");
  /** OpenAPI 3.1 §4.8.12.4: the style names, and where each may be used. */
  static final Map<String, HttpOperation.Style> STYLES = Map.of("form", HttpOperation.Style.FORM,
      "simple", HttpOperation.Style.SIMPLE, "label", HttpOperation.Style.LABEL, "matrix", HttpOperation.Style.MATRIX,
      "spaceDelimited", HttpOperation.Style.SPACE_DELIMITED, "pipeDelimited", HttpOperation.Style.PIPE_DELIMITED,
      "deepObject", HttpOperation.Style.DEEP_OBJECT);
  private static final Map<HttpOperation.In, Set<HttpOperation.Style>> ALLOWED = Map.of(
      HttpOperation.In.PATH, EnumSet.of(HttpOperation.Style.SIMPLE, HttpOperation.Style.LABEL, HttpOperation.Style.MATRIX),
      HttpOperation.In.QUERY, EnumSet.of(HttpOperation.Style.FORM, HttpOperation.Style.SPACE_DELIMITED,
          HttpOperation.Style.PIPE_DELIMITED, HttpOperation.Style.DEEP_OBJECT),
      HttpOperation.In.HEADER, EnumSet.of(HttpOperation.Style.SIMPLE));

  /** One parameter to send; {@code schema} is the OpenAPI schema as written. */
  record Spec(String name, HttpOperation.In in, boolean required, boolean explode, HttpOperation.Style style,
      JsonNode schema, String description, boolean deprecated) {}

  private Parameters() {}

  static List<Spec> of(ApiDocument document, JsonNode pathItem, JsonNode operation) {
    return of(document, pathItem, operation, (in, name) -> false, Set.of(), new ArrayList<>());
  }

  /**
   * The parameters to send, without those carrying a security scheme's secret ({@code schemeSecret},
   * sent by the auth method) and those named in {@code credentialNames}, which go to {@code fromCredential}.
   */
  static List<Spec> of(ApiDocument document, JsonNode pathItem, JsonNode operation,
      BiPredicate<String, String> schemeSecret, Set<String> credentialNames,
      List<HttpOperation.CredentialParameter> fromCredential) {
    Map<String, JsonNode> merged = new LinkedHashMap<>();
    for (JsonNode list : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
      for (JsonNode reference : list) {
        JsonNode parameter = document.deref(reference);
        merged.put(Nodes.text(parameter, "in") + " " + Nodes.text(parameter, "name"), parameter);
      }
    }
    List<Spec> specs = new ArrayList<>();
    for (JsonNode parameter : merged.values()) {
      String in = Nodes.text(parameter, "in");
      String name = Nodes.text(parameter, "name");
      if (schemeSecret.test(in, name)) {
        continue;
      }
      if (credentialNames.contains(name) && Set.of("path", "query", "header").contains(in)) {
        fromCredential.add(new HttpOperation.CredentialParameter(name,
            HttpOperation.In.valueOf(in.toUpperCase(Locale.ROOT))));
        continue;
      }
      spec(parameter).ifPresent(specs::add);
    }
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
    String styleName = Nodes.text(parameter, "style");
    HttpOperation.Style style = styleName.isEmpty() ? HttpOperation.Style.defaultFor(where) : STYLES.get(styleName);
    if (style == null || !ALLOWED.get(where).contains(style)) {
      throw unsupported("parameter " + Nodes.cut(name) + " in " + in + " uses style " + Nodes.cut(styleName));
    }
    if (!parameter.has("schema")) {
      throw unsupported("parameter " + Nodes.cut(name) + " has no schema (content is not supported)");
    }
    boolean explode = parameter.path("explode").isBoolean()
        ? parameter.get("explode").booleanValue() : style == HttpOperation.Style.FORM;
    return Optional.of(new Spec(name, where, required, explode, style, parameter.get("schema"),
        Nodes.text(parameter, "description"), isTrue(parameter, "deprecated")));
  }

  private static boolean isTrue(JsonNode node, String field) {
    return node.path(field).isBoolean() && node.get(field).booleanValue();
  }

  private static OperationSkipped unsupported(String detail) {
    return new OperationSkipped(SkipReason.UNSUPPORTED_PARAMETER, detail);
  }
}
