package dev.switchboard.sql.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

  /**
   * Runs {@code statement}, whose rows are name, type, nullable, default, identity and comment, and
   * adds each as a column in the shape {@link #columns} describes; closes the statement.
   */
  static void addColumns(PreparedStatement statement, ArrayNode out) throws SQLException {
    try (statement; ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        out.addObject().put("name", rs.getString(1)).put("type", rs.getString(2))
            .put("nullable", rs.getBoolean(3)).put("default", rs.getString(4))
            .put("identity", rs.getString(5)).put("primaryKey", false).put("comment", rs.getString(6));
      }
    }
  }

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
