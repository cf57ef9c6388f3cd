package dev.switchboard.tool.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Marks the operations of a converted Swagger 2.0 document whose body came from {@code formData}
 * parameters, with the media type Swagger 2.0 sends them as: {@code multipart/form-data} when a
 * parameter is a {@code file} or {@code consumes} lists multipart but not
 * {@code application/x-www-form-urlencoded}, else the latter. The converter copies such a body to
 * every type in {@code consumes}, JSON included, where only form encodings can carry form fields.
 * Stateless.
 */
final class FormDataOperations {
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch");
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String MULTIPART = "multipart/form-data";

  private FormDataOperations() {}

  /** Sets {@link RequestBodies#FORM_DATA} on the operations of {@code converted} that {@code swagger} gives formData. */
  static void mark(JsonNode swagger, JsonNode converted) {
    for (Map.Entry<String, JsonNode> path : swagger.path("paths").properties()) {
      JsonNode item = path.getValue();
      for (String method : METHODS) {
        JsonNode operation = item.path(method);
        JsonNode target = converted.path("paths").path(path.getKey()).path(method);
        if (!operation.isObject() || !(target instanceof ObjectNode marked)) {
          continue;
        }
        List<JsonNode> form = formData(swagger, item.path("parameters"), operation.path("parameters"));
        if (!form.isEmpty()) {
          marked.put(RequestBodies.FORM_DATA, mediaType(form, consumes(swagger, operation)));
        }
      }
    }
  }

  private static List<JsonNode> formData(JsonNode swagger, JsonNode common, JsonNode own) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode list : List.of(common, own)) {
      for (JsonNode parameter : list) {
        JsonNode resolved = parameter;
        String ref = Nodes.text(parameter, "$ref");
        if (ref.startsWith("#/parameters/")) {
          resolved = swagger.path("parameters").path(ref.substring("#/parameters/".length()));
        }
        if (Nodes.text(resolved, "in").equals("formData")) {
          out.add(resolved);
        }
      }
    }
    return out;
  }

  private static List<String> consumes(JsonNode swagger, JsonNode operation) {
    JsonNode list = operation.path("consumes").isArray() ? operation.get("consumes") : swagger.path("consumes");
    List<String> out = new ArrayList<>();
    list.forEach(type -> out.add(type.asString().split(";", 2)[0].trim().toLowerCase(Locale.ROOT)));
    return out;
  }

  private static String mediaType(List<JsonNode> form, List<String> consumes) {
    boolean file = form.stream().anyMatch(p -> Nodes.text(p, "type").equals("file"));
    return file || consumes.contains(MULTIPART) && !consumes.contains(FORM) ? MULTIPART : FORM;
  }
}
