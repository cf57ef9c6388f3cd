package dev.switchboard.tool;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Operations the import cannot express are reported with a named reason instead of guessed. */
class SkippedOperationsTest {

  @Test
  void trackerDocumentReportsEachReasonWithADetail() {
    ImportReport report = TestDocuments.importResource("tracker", "tracker-30.yaml");

    assertThat(report.skipped()).containsExactly(
        new SkippedOperation("GET", "/broken/{id}", SkipReason.INVALID_PATH, "no path parameter for {id}"),
        new SkippedOperation("GET", "/external", SkipReason.EXTERNAL_REF,
            "$ref https://schemas.example/common.yaml#/Query is outside the document"),
        new SkippedOperation("GET", "/me", SkipReason.COOKIE_PARAMETER, "cookie parameter session is required"));
  }

  @Test
  void anOperationsOwnAbsoluteServerIsItsRecipesServer() {
    ImportReport report = TestDocuments.importResource("tracker", "tracker-30.yaml");

    assertThat(TestDocuments.recipe(TestDocuments.tool(report, "tracker_get_reports")).server())
        .contains("https://reports.tracker.example");
    assertThat(TestDocuments.recipe(TestDocuments.tool(report, "tracker_list_issues")).server()).isEmpty();
  }

  @Test
  void aRelativeOperationServerWithoutAnAbsoluteDocumentServerIsSkipped() {
    ImportReport report = OpenApiImport.importDocument("p", """
        {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
         "paths": {"/x": {"get": {"operationId": "x", "servers": [{"url": "/elsewhere"}],
           "responses": {"200": {"description": "ok"}}}}}}""");

    assertThat(report.skipped()).singleElement().satisfies(s -> {
      assertThat(s.reason()).isEqualTo(SkipReason.SERVER_OVERRIDE);
      assertThat(s.detail()).contains("/elsewhere", "not an absolute http(s) URL");
    });
  }

  @Test
  void referenceToNothingIsUnresolved() {
    ImportReport report = importOne("""
        "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Nope"}}}}""");

    assertThat(report.skipped()).singleElement().extracting(SkippedOperation::reason)
        .isEqualTo(SkipReason.UNRESOLVED_REF);
  }

  @Test
  void schemaThatIsNotJsonSchemaIsInvalid() {
    ImportReport report = importOne("""
        "parameters": [{"name": "q", "in": "query", "schema": {"type": "strin"}}]""");

    assertThat(report.skipped()).singleElement().satisfies(s -> {
      assertThat(s.reason()).isEqualTo(SkipReason.INVALID_SCHEMA);
      assertThat(s.detail()).contains("/properties/q/type");
    });
  }

  @Test
  void patternJavaCannotCompileIsInvalid() {
    ImportReport report = importOne("""
        "parameters": [{"name": "q", "in": "query", "schema": {"type": "string", "pattern": "(unclosed"}}]""");

    assertThat(report.skipped()).singleElement().extracting(SkippedOperation::reason)
        .isEqualTo(SkipReason.INVALID_SCHEMA);
  }

  @Test
  void contentParametersAreUnsupported() {
    ImportReport report = importOne("""
        "parameters": [{"name": "q", "in": "query", "content": {"application/json": {"schema": {}}}}]""");

    assertThat(report.skipped()).singleElement().extracting(SkippedOperation::reason)
        .isEqualTo(SkipReason.UNSUPPORTED_PARAMETER);
  }

  @Test
  void schemasThatExplodeWhenInlinedAreTooLarge() {
    StringBuilder schemas = new StringBuilder();
    for (int level = 0; level < 16; level++) { // each level refers to the next twice: 2^16 schemas inlined
      String next = "{\"$ref\": \"#/components/schemas/S%d\"}".formatted(level + 1);
      schemas.append("\"S%d\": {\"type\": \"object\", \"properties\": {\"a\": %s, \"b\": %s}},"
          .formatted(level, next, next));
    }
    schemas.append("\"S16\": {\"type\": \"string\"}");
    String document = """
        {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
         "paths": {"/x": {"post": {"requestBody": {"content": {"application/json":
           {"schema": {"$ref": "#/components/schemas/S0"}}}}}}},
         "components": {"schemas": {%s}}}""".formatted(schemas);

    ImportReport report = OpenApiImport.importDocument("p", document);

    assertThat(report.skipped()).singleElement().extracting(SkippedOperation::reason)
        .isEqualTo(SkipReason.SCHEMA_TOO_LARGE);
  }

  @Test
  void longChainsOfReferencesAreTooLargeRatherThanAStackOverflow() {
    StringBuilder schemas = new StringBuilder();
    for (int level = 0; level < 5_000; level++) {
      schemas.append("\"S%d\": {\"type\": \"array\", \"items\": {\"$ref\": \"#/components/schemas/S%d\"}},"
          .formatted(level, level + 1));
    }
    schemas.append("\"S5000\": {\"type\": \"string\"}");

    ImportReport report = OpenApiImport.importDocument("p", """
        {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
         "paths": {"/x": {"post": {"requestBody": {"content": {"application/json":
           {"schema": {"$ref": "#/components/schemas/S0"}}}}}}},
         "components": {"schemas": {%s}}}""".formatted(schemas));

    assertThat(report.skipped()).singleElement().extracting(SkippedOperation::reason)
        .isEqualTo(SkipReason.SCHEMA_TOO_LARGE);
  }

  private static ImportReport importOne(String operation) {
    return OpenApiImport.importDocument("p", """
        {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
         "paths": {"/x": {"post": {%s}}}}""".formatted(operation));
  }
}
