package dev.switchboard.tool;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The JSON Schema 2020-12 meta-schema, used by tests to check schemas independently of the importer. */
final class MetaSchema {
  private static final Schema META = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
      .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

  private MetaSchema() {}

  /** Meta-schema violations of {@code schema}; empty when it is a valid 2020-12 schema. */
  static List<String> problems(JsonNode schema) {
    return META.validate(schema).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
  }
}
