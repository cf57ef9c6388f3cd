package dev.switchboard.tool;

import static dev.switchboard.tool.TestDocuments.json;
import static dev.switchboard.tool.TestDocuments.tool;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** OpenAPI schemas become JSON Schema 2020-12: 3.0 constructs rewritten, references inlined or defined. */
class SchemaConversionTest {
  private final ImportReport tracker = TestDocuments.importResource("tracker", "tracker-30.yaml");
  private final JsonNode newIssue = tool(tracker, "tracker_create_issue").inputSchema().at("/properties/body");

  @Test
  void nullableAddsNullToTheTypeAndToTheEnum() {
    assertThat(newIssue.at("/properties/kind")).isEqualTo(json("""
        {"type": ["string", "null"], "enum": ["bug", "task", null]}"""));
    assertThat(newIssue.at("/properties/assignee")).isEqualTo(json("{\"type\": [\"string\", \"null\"]}"));
  }

  @Test
  void nullableWithoutTypeBecomesAnyOfWithNull() {
    assertThat(newIssue.at("/properties/parent")).isEqualTo(json("""
        {"anyOf": [
          {"allOf": [{"type": "object", "properties": {"id": {"type": "integer"}}}]},
          {"type": "null"}]}"""));
  }

  @Test
  void exampleBecomesExamples() {
    assertThat(newIssue.at("/properties/title")).isEqualTo(json("""
        {"type": "string", "minLength": 1, "examples": ["Broken build"]}"""));
  }

  @Test
  void booleanExclusiveBoundsBecomeNumericAndFalseOnesDisappear() {
    assertThat(newIssue.at("/properties/estimate")).isEqualTo(json("""
        {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 100}"""));
    assertThat(tool(tracker, "tracker_list_issues").inputSchema().at("/properties/per_page")).isEqualTo(json("""
        {"type": "integer", "minimum": 1, "maximum": 100}"""));
  }

  @Test
  void openApiOnlyKeywordsAreDroppedAndReadOnlyPropertiesAreNotRequired() {
    assertThat(newIssue.propertyNames()).containsExactlyInAnyOrder("type", "required", "properties", "description");
    assertThat(newIssue.get("required")).isEqualTo(json("[\"title\"]"));
    assertThat(newIssue.at("/properties/id")).isEqualTo(json("{\"type\": \"integer\", \"readOnly\": true}"));
  }

  @Test
  void nonRecursiveReferencesAreInlined() {
    assertThat(newIssue.at("/properties/labels")).isEqualTo(json("""
        {"type": "array", "description": "Label names",
         "items": {"type": "string", "description": "A label", "maxLength": 50}}"""));
  }

  @Test
  void recursiveReferencesGoToDefs() {
    assertThat(tool(tracker, "tracker_create_category").inputSchema()).isEqualTo(json("""
        {"type": "object",
         "properties": {"body": {"$ref": "#/$defs/Category"}},
         "required": ["body"],
         "additionalProperties": false,
         "$defs": {"Category": {"type": "object", "properties": {
           "name": {"type": "string"},
           "children": {"type": "array", "items": {"$ref": "#/$defs/Category"}}}}}}"""));
  }

  @Test
  void mutuallyRecursiveReferencesAllGoToDefs() {
    ImportReport notes = TestDocuments.importResource("notes", "notes-31.json");

    assertThat(tool(notes, "notes_put_tree").inputSchema()).isEqualTo(json("""
        {"type": "object",
         "properties": {"body": {"$ref": "#/$defs/Tree"}},
         "additionalProperties": false,
         "$defs": {
           "Tree": {"type": "object", "properties": {"nodes": {"type": "array", "items": {"$ref": "#/$defs/Node"}}}},
           "Node": {"type": "object", "properties": {"children": {"$ref": "#/$defs/Tree"}}}}}"""));
  }

  @Test
  void descriptionsNextToAReferenceAreKept() {
    ImportReport notes = TestDocuments.importResource("notes", "notes-31.json");

    assertThat(tool(notes, "notes_create_note").inputSchema().at("/properties/body/properties/folder")).isEqualTo(
        json("{\"$ref\": \"#/$defs/Folder\", \"description\": \"Where the note lives\"}"));
  }

  @Test
  void longDescriptionsAreCutToAThousandCharacters() {
    String document = """
        {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
         "paths": {"/x": {"get": {"summary": "Short", "description": "%s"}}}}""".formatted("word ".repeat(400));

    Tool tool = OpenApiImport.importDocument("p", document).tools().get(0);

    assertThat(tool.description()).hasSizeLessThanOrEqualTo(1_000).startsWith("Short\n\nword word").endsWith("…");
  }
}
