package dev.switchboard.sql.internal;

import java.sql.Connection;
import java.sql.SQLException;
import tools.jackson.databind.node.ObjectNode;

/**
 * The optional {@code schema} argument of list_tables and describe_table: PostgreSQL's default is
 * {@code public}; MySQL's is the database the credential connects to (in MySQL a schema is a database).
 */
final class SchemaArgument {
  private SchemaArgument() {}

  /** How descriptions name the default, e.g. {@code schema: public}. */
  static String defaultText(Dialect dialect) {
    return dialect.defaultSchema().map(name -> "schema: " + name)
        .orElse("schema: the database the connection uses");
  }

  /** Adds the {@code schema} property, with its default when the engine has a fixed one. */
  static void declare(Dialect dialect, ObjectNode schema, String what) {
    ObjectNode property = Schemas.property(schema, "schema", "string", what + "; default "
        + dialect.defaultSchema().orElse("the database the connection uses") + ".").put("minLength", 1);
    dialect.defaultSchema().ifPresent(name -> property.put("default", name));
  }

  /** The schema given, or null for the engine's default (checks the argument's type). */
  static String given(Dialect dialect, Arguments args) {
    return args.string("schema", dialect.defaultSchema().orElse(null));
  }

  /** The schema given, or the engine's default on this connection. */
  static String resolve(Dialect dialect, Arguments args, Connection connection) throws SQLException {
    String schema = given(dialect, args);
    return schema != null ? schema : connection.getCatalog();
  }
}
