package dev.switchboard.tool.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The file fields of a {@code multipart/form-data} body as arguments a model can give: a field that
 * is binary ({@code format: binary}, or in 3.1 a {@code contentMediaType} without a JSON type) or an
 * array of such becomes an object {@code {"base64": "…", "filename": "…", "contentType": "…"}}
 * ({@code base64} required), which the call sends as a file part. Other fields are unchanged.
 */
final class MultipartFiles {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private MultipartFiles() {}

  /** {@code schema} (a converted body schema) with its top-level file fields replaced. */
  static JsonNode of(JsonNode schema) {
    if (!schema.path("properties").isObject()) {
      return schema;
    }
    ObjectNode properties = (ObjectNode) schema.get("properties");
    for (String name : properties.propertyNames()) {
      JsonNode field = properties.get(name);
      if (binary(field)) {
        properties.set(name, file(field));
      } else if (field.path("items").isObject() && binary(field.get("items"))) {
        ((ObjectNode) field).set("items", file(field.get("items")));
      }
    }
    return schema;
  }

  private static boolean binary(JsonNode field) {
    return "binary".equals(field.path("format").asString(""))
        || (field.has("contentMediaType") && !field.path("contentMediaType").asString("").contains("json"));
  }

  private static ObjectNode file(JsonNode field) {
    ObjectNode file = NODES.objectNode().put("type", "object");
    String description = field.path("description").asString("");
    file.put("description", (description.isBlank() ? "" : description.strip() + "\n\n")
        + "A file: its content in base64, and optionally its file name and media type.");
    ObjectNode properties = file.putObject("properties");
    properties.putObject("base64").put("type", "string").put("contentEncoding", "base64");
    properties.putObject("filename").put("type", "string");
    properties.putObject("contentType").put("type", "string");
    file.putArray("required").add("base64");
    file.put("additionalProperties", false);
    return file;
  }
}
