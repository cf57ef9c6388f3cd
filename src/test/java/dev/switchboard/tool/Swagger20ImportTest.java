package dev.switchboard.tool;

import static dev.switchboard.tool.TestDocuments.json;
import static dev.switchboard.tool.TestDocuments.recipe;
import static dev.switchboard.tool.TestDocuments.tool;
import static dev.switchboard.tool.TestDocuments.unordered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.tool.HttpOperation.In;
import dev.switchboard.tool.HttpOperation.Parameter;
import org.junit.jupiter.api.Test;

/** {@code shop-20.yaml}: Swagger 2.0, converted to OpenAPI 3.0 by swagger-parser, then imported. */
class Swagger20ImportTest {
  private final ImportReport report = TestDocuments.importResource("shop", "shop-20.yaml");

  @Test
  void serverComesFromSchemeHostAndBasePath() {
    assertThat(report.title()).isEqualTo("Shop API");
    assertThat(report.serverUrl()).contains("https://shop.example/v1");
  }

  @Test
  void bodyParameterBecomesTheJsonBodyWithRecursiveDefinitionsInDefs() {
    Tool tool = tool(report, "shop_create_order");

    // the converter writes "required" before "type"; order is kept as the document has it
    assertThat(unordered(tool.inputSchema())).isEqualTo(unordered(json("""
        {"type": "object",
         "properties": {"body": {
           "type": "object",
           "required": ["items"],
           "properties": {
             "items": {"type": "array", "items": {"$ref": "#/$defs/Line"}},
             "note": {"type": ["string", "null"]},
             "total": {"type": "number", "exclusiveMinimum": 0}}}},
         "required": ["body"],
         "additionalProperties": false,
         "$defs": {"Line": {"type": "object", "properties": {
           "sku": {"type": "string"},
           "bundle": {"$ref": "#/$defs/Line"}}}}}""")));
    assertThat(recipe(tool).body()).contains(new HttpOperation.Body("body", "application/json", true));
  }

  @Test
  void formDataBecomesAFormBodyAndFilesAMultipartBody() {
    Tool tool = tool(report, "shop_add_note");
    Tool upload = tool(report, "shop_upload_invoice");

    assertThat(recipe(tool).body()).contains(new HttpOperation.Body("body", "application/x-www-form-urlencoded", true));
    assertThat(tool.inputSchema().at("/properties/body/required")).isEqualTo(json("[\"text\"]"));
    assertThat(report.skipped()).isEmpty();
    assertThat(recipe(upload).body().orElseThrow().contentType()).isEqualTo("multipart/form-data");
    assertThat(upload.inputSchema().at("/properties/body/properties/file/properties/base64/contentEncoding").asString())
        .isEqualTo("base64");
  }

  @Test
  void collectionFormatMultiExplodesAndCsvDoesNot() {
    assertThat(recipe(tool(report, "shop_list_orders")).parameters()).containsExactly(
        new Parameter("status", "status", In.QUERY, false, true),
        new Parameter("ids", "ids", In.QUERY, false, true),
        new Parameter("fields", "fields", In.QUERY, false, false));
  }

  @Test
  void scopesFollowTheSameRuleAsOpenApi3() {
    assertThat(tool(report, "shop_list_orders").requiredScopes()).containsExactly("orders:read");
    assertThat(tool(report, "shop_create_order").requiredScopes()).containsExactly("orders:write");
  }
}
