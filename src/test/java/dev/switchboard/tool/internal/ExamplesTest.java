package dev.switchboard.tool.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ExamplesTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void examplesOfTheWrongTypeOrOutsideTheEnumAreDroppedAndFittingOnesKept() {
    JsonNode schema = JSON.readTree("""
        {"type": "object", "properties": {
          "limit": {"type": "integer", "examples": ["ten"]},
          "status": {"type": "string", "enum": ["open", "closed"], "examples": ["open", "merged"]},
          "page": {"type": "integer", "examples": [2]},
          "filter": {"type": "object", "required": ["q"], "properties": {"q": {"type": "string"}},
                     "examples": [{"q": 1}, {"other": "x"}]}}}""");

    Examples.pruneContradicting(schema);

    JsonNode properties = schema.get("properties");
    assertThat(properties.get("limit").has("examples")).isFalse();
    assertThat(properties.get("status").get("examples").toString()).isEqualTo("[\"open\"]");
    assertThat(properties.get("page").get("examples").toString()).isEqualTo("[2]");
    assertThat(properties.get("filter").has("examples")).isFalse();
  }

  @Test
  void whatAShallowLookCannotTellIsKept() {
    JsonNode schema = JSON.readTree("""
        {"anyOf": [{"type": "string"}, {"type": "integer"}], "examples": [3, "x"],
         "properties": {"r": {"$ref": "#/$defs/R", "examples": [true]}}}""");

    Examples.pruneContradicting(schema);

    assertThat(schema.get("examples").size()).isEqualTo(2);
    assertThat(schema.get("properties").get("r").get("examples").size()).isEqualTo(1);
  }
}
