package dev.switchboard.tool.internal;

import dev.switchboard.tool.HttpOperation;
import dev.switchboard.tool.SkipReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Chooses how a tool sends its request body. Preference: {@code application/json}, then any
 * {@code *+json} type, then {@code application/x-www-form-urlencoded}, then {@code multipart/form-data}
 * (file fields become {@link MultipartFiles} arguments), then a wildcard
 * ({@code *}{@code /*}, {@code application/*}, which Swagger 2.0 bodies without {@code consumes}
 * become), sent as {@code application/json}; ties go to the alphabetically first type. Anything
 * else (binary, text) is {@link SkipReason#UNSUPPORTED_BODY}. A Swagger 2.0 body made of
 * {@code formData} parameters is always sent as a form ({@link #FORM_DATA}). A form body keeps its
 * {@code encoding} (style, explode, or JSON content) per field.
 */
final class RequestBodies {
  private static final String JSON = "application/json";
  private static final String FORM = "application/x-www-form-urlencoded";
  static final String MULTIPART = "multipart/form-data";

  /** The body to send: its content type, OpenAPI schema as written, and whether it is required. */
  record Choice(String contentType, JsonNode schema, boolean required, String description,
      Map<String, HttpOperation.FieldEncoding> encoding) {}

  /**
   * Set by {@link OpenApiDocuments} on a converted Swagger 2.0 operation whose body came from
   * {@code formData} parameters: the media type those are sent as, whatever else {@code consumes} lists.
   */
  static final String FORM_DATA = "x-switchboard-form-data";

  private RequestBodies() {}

  /** The choice, or empty when the operation takes no body (or one without any content). */
  static Optional<Choice> of(ApiDocument document, JsonNode operation) {
    if (!operation.has("requestBody")) {
      return Optional.empty();
    }
    JsonNode body = document.deref(operation.get("requestBody"));
    List<String> types = new ArrayList<>(body.path("content").propertyNames());
    if (types.isEmpty()) {
      return Optional.empty();
    }
    types.sort(null);
    String best = null;
    for (String type : types) {
      if (rank(type) >= 0 && (best == null || rank(type) < rank(best))) {
        best = type;
      }
    }
    String formData = Nodes.text(operation, FORM_DATA);
    if (!formData.isEmpty()) {
      // Swagger 2.0 formData parameters are form fields even when consumes also lists JSON (Slack)
      if (!formData.equals(FORM) && !formData.equals(MULTIPART)) {
        throw new OperationSkipped(SkipReason.UNSUPPORTED_BODY, "formData parameters only as " + Nodes.cut(formData));
      }
      best = types.contains(formData) ? formData : types.get(0);
    }
    if (best == null) {
      throw new OperationSkipped(SkipReason.UNSUPPORTED_BODY,
          "request body only as " + Nodes.cut(String.join(", ", types)));
    }
    JsonNode media = body.path("content").path(best);
    JsonNode schema = media.path("schema");
    boolean required = body.path("required").isBoolean() && body.get("required").booleanValue();
    String contentType = formData.isEmpty() ? (rank(best) == 4 ? JSON : best) : formData;
    return Optional.of(new Choice(contentType,
        schema.isMissingNode() ? JsonNodeFactory.instance.objectNode() : schema, required,
        Nodes.text(body, "description"), contentType.startsWith(FORM) ? encoding(media) : Map.of()));
  }

  /** The form fields' Encoding Objects (OpenAPI 3.1 §4.8.15); {@code style} names as for query parameters. */
  private static Map<String, HttpOperation.FieldEncoding> encoding(JsonNode media) {
    Map<String, HttpOperation.FieldEncoding> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : media.path("encoding").properties()) {
      JsonNode entry = field.getValue();
      HttpOperation.Style style = Parameters.STYLES.getOrDefault(Nodes.text(entry, "style"), null);
      boolean json = Nodes.text(entry, "contentType").toLowerCase(Locale.ROOT).contains("json");
      if (style == null && !json) {
        continue; // no style and no JSON: the default rules apply
      }
      boolean explode = entry.path("explode").isBoolean() ? entry.get("explode").booleanValue()
          : style == null || style == HttpOperation.Style.FORM;
      out.put(field.getKey(), new HttpOperation.FieldEncoding(style, explode, json && style == null));
    }
    return out;
  }

  private static int rank(String mediaType) {
    String type = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (type.equals(JSON)) {
      return 0;
    }
    if (type.endsWith("+json")) {
      return 1;
    }
    if (type.equals(FORM)) {
      return 2;
    }
    if (type.equals(MULTIPART)) {
      return 3;
    }
    return type.equals("*/*") || type.equals("application/*") ? 4 : -1;
  }
}
