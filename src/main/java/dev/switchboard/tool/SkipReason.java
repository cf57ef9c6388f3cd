package dev.switchboard.tool;

/**
 * Why the OpenAPI import left an operation out. The import never guesses: an operation it cannot
 * express as a tool and a call recipe is skipped with one of these reasons and a detail.
 */
public enum SkipReason {
  /** A required cookie parameter: the call recipe has no cookies (optional ones are dropped). */
  COOKIE_PARAMETER,
  /** A parameter the recipe cannot send: a style its location does not allow (OpenAPI 3.1 §4.8.12.4),
   *  a {@code content} instead of a {@code schema}, or an unknown {@code in}. */
  UNSUPPORTED_PARAMETER,
  /** A request body with no JSON, {@code *+json}, form-urlencoded or wildcard media type
   *  (multipart, binary and text bodies are not supported). */
  UNSUPPORTED_BODY,
  /** A {@code $ref} to another document or URL; the importer never fetches anything. */
  EXTERNAL_REF,
  /** A local {@code $ref} that points nowhere in the document. */
  UNRESOLVED_REF,
  /** A schema that does not become a valid JSON Schema 2020-12 (or whose pattern does not compile). */
  INVALID_SCHEMA,
  /** The input schema would be unreasonably large once its references are inlined. */
  SCHEMA_TOO_LARGE,
  /** A path placeholder without a matching path parameter. */
  INVALID_PATH,
  /**
   * The operation or its path declares its own {@code servers}, elsewhere than the document's, and the
   * first is not an absolute http(s) URL even against the document's server (an operation with its own
   * absolute server is imported and called there).
   */
  SERVER_OVERRIDE
}
