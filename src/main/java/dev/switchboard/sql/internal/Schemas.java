package dev.switchboard.sql.internal;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the tools' input schemas: JSON Schema 2020-12 objects that allow no other properties
 * (the MCP default dialect, so no {@code $schema} keyword). Stateless.
 */
final class Schemas {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Schemas() {}

  /** An object schema; add properties with {@link #property}. */
  static ObjectNode object() {
    ObjectNode schema = NODES.objectNode();
    schema.put("type", "object");
    schema.putObject("properties");
    schema.put("additionalProperties", false);
    return schema;
  }

  /** Adds a string property and returns it for further keywords. */
  static ObjectNode property(ObjectNode schema, String name, String type, String description) {
    ObjectNode property = ((ObjectNode) schema.get("properties")).putObject(name);
    property.put("type", type);
    property.put("description", description);
    return property;
  }

  /** Marks properties as required. */
  static ObjectNode required(ObjectNode schema, String... names) {
    var required = schema.putArray("required");
    for (String name : names) {
      required.add(name);
    }
    return schema;
  }
}
