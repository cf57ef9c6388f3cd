package dev.switchboard.tool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every input schema the import produces is a valid JSON Schema 2020-12 (checked against the meta-schema). */
class ImportedSchemasAreValid2020Test {

  @ParameterizedTest
  @ValueSource(strings = {"tracker-30.yaml", "notes-31.json", "shop-20.yaml", "naming-31.json"})
  void everyInputSchemaValidatesAgainstTheMetaSchema(String document) {
    ImportReport report = TestDocuments.importResource("p", document);

    assertThat(report.tools()).isNotEmpty().allSatisfy(tool -> {
      assertThat(MetaSchema.problems(tool.inputSchema())).as(tool.name()).isEmpty();
      assertThat(tool.inputSchema().get("type").asString()).isEqualTo("object");
      assertThat(tool.inputSchema().get("additionalProperties").asBoolean()).isFalse();
      assertThat(tool.inputSchema().get("properties").propertyNames()).allMatch(n -> n.matches("[A-Za-z0-9_.-]{1,64}"));
    });
  }
}
