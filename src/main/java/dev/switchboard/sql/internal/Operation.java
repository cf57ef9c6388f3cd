package dev.switchboard.sql.internal;

import dev.switchboard.upstream.ToolResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One SQL tool: its local name, description and input schema, a check of its arguments
 * made before connecting, and the work it does inside a read-only transaction. Implementations
 * are immutable and thread safe.
 */
public interface Operation {
  /** The tool's name within the provider, e.g. {@code list_tables}. */
  String name();

  String title();

  String description();

  /** A JSON Schema 2020-12 object schema with {@code additionalProperties: false}. */
  ObjectNode inputSchema();

  /**
   * Why the arguments cannot be sent, or empty when they can.
   *
   * @throws InvalidArgumentsException when they do not fit the input schema
   */
  Optional<String> check(JsonNode arguments);

  /** Runs on a connection whose read-only transaction is already open. */
  ToolResult run(Connection connection, JsonNode arguments) throws SQLException;
}
