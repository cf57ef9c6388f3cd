package dev.switchboard.tool;

import static dev.switchboard.tool.TestDocuments.json;
import static dev.switchboard.tool.TestDocuments.recipe;
import static dev.switchboard.tool.TestDocuments.tool;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code notes-31.json}: OpenAPI 3.1, whose schemas are JSON Schema 2020-12 already. */
class OpenApi31ImportTest {
  private final ImportReport report = TestDocuments.importResource("notes", "notes-31.json");

  @Test
  void operationsBecomeToolsAndWebhooksDoNot() {
    assertThat(report.tools()).extracting(Tool::name)
        .containsExactly("notes_list_notes", "notes_create_note", "notes_put_tree");
    assertThat(report.skipped()).isEmpty();
    assertThat(report.serverUrl()).contains("https://notes.example/v2");
  }

  @Test
  void jsonSchemaKeywordsAreKeptAsWritten() {
    Tool tool = tool(report, "notes_create_note");

    assertThat(tool.inputSchema().at("/properties/body")).isEqualTo(json("""
        {"type": "object",
         "required": ["text"],
         "properties": {
           "text": {"type": "string", "examples": ["Buy milk"]},
           "color": {"type": ["string", "null"], "enum": ["red", "green", null]},
           "pinned": {"const": true},
           "tags": {"type": "array", "prefixItems": [{"type": "string"}], "items": {"type": "string"}},
           "folder": {"$ref": "#/$defs/Folder", "description": "Where the note lives"}}}"""));
    assertThat(tool.inputSchema().at("/$defs/Folder/properties/parent"))
        .isEqualTo(json("{\"$ref\": \"#/$defs/Folder\"}"));
    assertThat(recipe(tool).body()).contains(new HttpOperation.Body("body", "application/json", true));
  }

  @Test
  void numericExclusiveBoundsStay() {
    assertThat(tool(report, "notes_list_notes").inputSchema().at("/properties/limit")).isEqualTo(json("""
        {"type": "integer", "exclusiveMinimum": 0, "maximum": 50}"""));
  }

  @Test
  void openIdConnectRequirementsCountAsOAuthScopes() {
    assertThat(tool(report, "notes_list_notes").requiredScopes()).containsExactly("notes.read");
    assertThat(tool(report, "notes_create_note").requiredScopes())
        .containsExactlyInAnyOrder("notes.read", "notes.write");
  }
}
