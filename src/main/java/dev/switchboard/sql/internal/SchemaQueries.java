package dev.switchboard.sql.internal;

/**
 * An engine's queries behind {@code list_schemas} and {@code list_tables}.
 *
 * @param hiddenSchemas what list_schemas leaves out, for its description, e.g.
 *     {@code system schemas pg_* and information_schema}
 * @param listSchemas rows of (name, owner or null, comment) for the non-system schemas, ordered by name;
 *     parameter 1 is the limit
 * @param listTables rows of (name, kind, estimated rows or null, comment) for one schema's relations,
 *     ordered by name; parameter 1 is the schema, parameter 2 the limit
 * @param schemaExists a query with a row when the schema (parameter 1) exists
 */
public record SchemaQueries(String hiddenSchemas, String listSchemas, String listTables, String schemaExists) {}
