package dev.switchboard.tool.internal;

import dev.switchboard.tool.SkipReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Chooses how a tool sends its request body. Preference: {@code application/json}, then any
 * {@code *+json} type, then {@code application/x-www-form-urlencoded}, then a wildcard
 * ({@code *}{@code /*}, {@code application/*}, which Swagger 2.0 bodies without {@code consumes}
 * become), sent as {@code application/json}; ties go to the alphabetically first type. Anything
 * else (multipart, binary, text) is {@link SkipReason#UNSUPPORTED_BODY}.
 */
final class RequestBodies {
  private static final String JSON = "application/json";

  /** The body to send: its content type, OpenAPI schema as written, and whether it is required. */
  record Choice(String contentType, JsonNode schema, boolean required, String description) {}

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
    if (best == null) {
      throw new OperationSkipped(SkipReason.UNSUPPORTED_BODY,
          "request body only as " + Nodes.cut(String.join(", ", types)));
    }
    JsonNode schema = body.path("content").path(best).path("schema");
    boolean required = body.path("required").isBoolean() && body.get("required").booleanValue();
    return Optional.of(new Choice(rank(best) == 3 ? JSON : best,
        schema.isMissingNode() ? JsonNodeFactory.instance.objectNode() : schema, required,
        Nodes.text(body, "description")));
  }

  private static int rank(String mediaType) {
    String type = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (type.equals(JSON)) {
      return 0;
    }
    if (type.endsWith("+json")) {
      return 1;
    }
    if (type.equals("application/x-www-form-urlencoded")) {
      return 2;
    }
    return type.equals("*/*") || type.equals("application/*") ? 3 : -1;
  }
}
