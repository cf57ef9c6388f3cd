package dev.switchboard.sql.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An engine's catalog queries behind the tools {@code list_schemas}, {@code list_tables} and
 * {@code describe_table}, all in the shapes those tools return. Stateless.
 */
public interface DialectCatalog {
  /** The queries behind list_schemas and list_tables. */
  SchemaQueries queries();

  /** The relation's kind ({@code table}, {@code view} …), comment and engine key, if it exists. */
  Optional<Relation> relation(Connection connection, String schema, String table) throws SQLException;

  /** Adds each column: name, type, nullable, default, identity, primaryKey (false), comment. */
  void columns(Connection connection, Relation relation, ArrayNode out) throws SQLException;

  /** Fills {@code primaryKey}, {@code foreignKeys} and {@code checks}. */
  void constraints(Connection connection, Relation relation, ObjectNode description) throws SQLException;

  /** Adds each index: name, unique, primary, definition. */
  void indexes(Connection connection, Relation relation, ArrayNode out) throws SQLException;

  /**
   * A table-like relation.
   *
   * @param oid PostgreSQL's object id; 0 for engines that name relations by schema and table
   */
  record Relation(String schema, String table, long oid, String kind, String comment) {}
}
