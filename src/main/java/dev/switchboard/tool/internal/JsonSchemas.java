package dev.switchboard.tool.internal;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * JSON Schema 2020-12 through networknt: checking a schema against the 2020-12 meta-schema (bundled
 * with the library; nothing is fetched) and compiling it for validation. Thread-safe.
 */
public final class JsonSchemas {
  /** The 2020-12 meta-schema's id. */
  public static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private final Schema metaSchema = registry.getSchema(SchemaLocation.of(DRAFT_2020_12));

  /**
   * Why {@code schema} is not a usable JSON Schema 2020-12: meta-schema violations ("location:
   * message"), else the reason it does not compile (a {@code pattern} Java cannot read). Empty when
   * it is usable.
   */
  public List<String> problems(JsonNode schema) {
    List<Error> errors = metaSchema.validate(schema);
    if (!errors.isEmpty()) {
      return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }
    try {
      compile(schema);
      return List.of();
    } catch (RuntimeException e) { // SchemaException mostly; the schema comes from an uploaded document
      return List.of("does not compile: " + e.getMessage());
    }
  }

  /** {@code schema} compiled, ready for concurrent validation. */
  public Schema compile(JsonNode schema) {
    Schema compiled = registry.getSchema(schema);
    compiled.initializeValidators();
    return compiled;
  }
}
