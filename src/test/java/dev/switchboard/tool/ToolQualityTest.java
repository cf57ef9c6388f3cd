package dev.switchboard.tool;

import static dev.switchboard.tool.TestDocuments.json;
import static dev.switchboard.tool.TestDocuments.tool;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Titles, descriptions, examples, annotations, default validation tools and schema bounds on small documents. */
class ToolQualityTest {
  private static final String DOCUMENT = """
      openapi: 3.0.3
      info: {title: Shop, version: '1'}
      servers: [{url: 'https://shop.example'}]
      paths:
        /v1/accounts:
          post:
            operationId: PostAccounts
            description: '<p>Creates an <a href="/docs/accounts">account</a>. Use <code>type</code>.</p>'
            responses: {'200': {description: ok}}
          get:
            operationId: pulls/list-review-comments
            parameters:
              - {name: limit, in: query, schema: {type: integer, example: ten}}
              - {name: page, in: query, schema: {type: integer, example: 2}}
            responses: {'200': {description: ok}}
        /v1/accounts/{id}:
          get:
            summary: '<b>Retrieve</b> an account'
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            responses: {'200': {description: ok}}
          delete:
            responses: {'200': {description: ok}}
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      """;

  private final ImportReport report = OpenApiImport.importDocument("shop", DOCUMENT);

  @Test
  void titlesComeFromTheSummaryElseAReadableOperationIdElseMethodAndPath() {
    assertThat(tool(report, "shop_get_v1_accounts_id").title()).isEqualTo("Retrieve an account");
    assertThat(tool(report, "shop_pulls_list_review_comments").title()).isEqualTo("Pulls list review comments");
    assertThat(tool(report, "shop_post_accounts").title()).isEqualTo("Post accounts");
    assertThat(tool(report, "shop_delete_v1_accounts_id").title()).isEqualTo("DELETE /v1/accounts/{id}");
  }

  @Test
  void aParagraphSummaryIsTitledByItsFirstSentenceAndKeptWholeInTheDescription() {
    String summary = "Creates a model response. Provide text or image inputs to generate text or JSON outputs, "
        + "or call your own code.";
    String shortOne = "Lists the files. Short.";
    String noSentence = "Uploads a file that can be used across various endpoints, up to 512 MB and 100 GB in all";
    ImportReport paragraphs = OpenApiImport.importDocument("ai", """
        openapi: 3.0.3
        info: {title: AI, version: '1'}
        servers: [{url: 'https://ai.example'}]
        paths:
          /responses: {post: {operationId: createResponse, summary: '%s', responses: {'200': {description: ok}}}}
          /files: {get: {operationId: listFiles, summary: '%s', responses: {'200': {description: ok}}}}
          /uploads: {post: {operationId: createUpload, summary: '%s', responses: {'200': {description: ok}}}}
        """.formatted(summary, shortOne, noSentence));

    assertThat(tool(paragraphs, "ai_create_response").title()).isEqualTo("Creates a model response");
    assertThat(tool(paragraphs, "ai_create_response").description()).isEqualTo(summary);
    assertThat(tool(paragraphs, "ai_list_files").title()).isEqualTo(shortOne);
    assertThat(tool(paragraphs, "ai_create_upload").title()).isEqualTo(noSentence);
  }

  @Test
  void htmlDescriptionsBecomeMarkdown() {
    assertThat(tool(report, "shop_post_accounts").description())
        .isEqualTo("Creates an [account](/docs/accounts). Use `type`.");
  }

  @Test
  void examplesThatContradictTheSchemaAreNotCopied() {
    JsonNode properties = tool(report, "shop_pulls_list_review_comments").inputSchema().get("properties");

    assertThat(properties.get("limit").has("examples")).isFalse();
    assertThat(properties.get("page").get("examples")).isEqualTo(json("[2]"));
  }

  @Test
  void theDefaultValidationToolOnlyReadsAndNeedsTheLeastInput() {
    assertThat(DefaultValidationTool.pick(report.tools())).map(Tool::name)
        .contains("shop_pulls_list_review_comments");
    List<Tool> writes = report.tools().stream().filter(t -> !DefaultValidationTool.readOnly(t)).toList();
    assertThat(writes).hasSize(2);
    assertThat(DefaultValidationTool.pick(writes)).isEmpty();
  }

  @Test
  void aDocumentWithoutReadOnlyOperationsSaysSoInItsWarnings() {
    String writesOnly = DOCUMENT.replace("get:", "put:");

    ImportReport writing = OpenApiImport.importDocument("shop", writesOnly);

    assertThat(writing.tools()).isNotEmpty();
    assertThat(writing.warnings()).contains(OpenApiImport.NO_READ_ONLY_OPERATION);
    assertThat(report.warnings()).doesNotContain(OpenApiImport.NO_READ_ONLY_OPERATION);
  }

  @Test
  void annotationsFollowTheMethod() {
    assertThat(ToolAnnotations.of(tool(report, "shop_get_v1_accounts_id")).orElseThrow())
        .isEqualTo(json("{\"readOnlyHint\": true, \"openWorldHint\": true}"));
    assertThat(ToolAnnotations.of(tool(report, "shop_delete_v1_accounts_id")).orElseThrow()).isEqualTo(json(
        "{\"readOnlyHint\": false, \"destructiveHint\": true, \"idempotentHint\": true, \"openWorldHint\": true}"));
    assertThat(ToolAnnotations.forMethod("PUT").get("idempotentHint").asBoolean()).isTrue();
    assertThat(ToolAnnotations.forMethod("POST").get("idempotentHint").asBoolean()).isFalse();
    assertThat(ToolAnnotations.forMethod("PATCH").get("destructiveHint").asBoolean()).isTrue();
    assertThat(ToolAnnotations.forMethod("HEAD").get("readOnlyHint").asBoolean()).isTrue();
  }

  @Test
  void aLargeSchemaIsAdvertisedSimplifiedValidAndNeverStricterThanTheFullOne() {
    ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object").put("additionalProperties", false);
    ObjectNode properties = schema.putObject("properties");
    ObjectNode nested = properties.putObject("body").put("type", "object");
    ObjectNode level = nested;
    for (int depth = 0; depth < 8; depth++) {
      ObjectNode fields = level.putObject("properties");
      for (int i = 0; i < 30; i++) {
        ObjectNode field = fields.putObject("field_" + i).put("type", "string")
            .put("description", "A long explanation of field " + i + " ".repeat(10) + "x".repeat(300));
        field.putArray("enum").add("a").add("b");
        for (int v = 0; v < 25; v++) {
          ((ArrayNode) field.get("enum")).add("value_" + v);
        }
      }
      level = fields.putObject("deeper").put("type", "object");
      level.putArray("required").add("field_0");
    }
    schema.putArray("required").add("body");
    SchemaBounds bounds = new SchemaBounds(SchemaBounds.DEFAULT_LIMIT_BYTES);

    JsonNode advertised = bounds.bounded(schema);

    System.out.printf("synthetic schema: %d bytes, advertised %d bytes%n", SchemaBounds.size(schema),
        SchemaBounds.size(advertised));
    assertThat(SchemaBounds.size(advertised)).isLessThanOrEqualTo(SchemaBounds.DEFAULT_LIMIT_BYTES);
    assertThat(MetaSchema.problems(advertised)).isEmpty();
    assertThat(advertised.get("required")).isEqualTo(schema.get("required"));
    assertThat(schema.toString()).contains("value_24"); // the full schema is untouched
    JsonNode valid = json("{\"body\": {\"field_1\": \"value_3\", \"deeper\": {\"field_0\": \"a\"}}}");
    assertThat(compile(schema).validate(valid)).isEmpty();
    assertThat(compile(advertised).validate(valid)).isEmpty();
  }

  @Test
  void aSmallSchemaIsAdvertisedAsItIs() {
    Tool small = tool(report, "shop_get_v1_accounts_id");
    SchemaBounds bounds = new SchemaBounds(SchemaBounds.DEFAULT_LIMIT_BYTES);

    assertThat(bounds.advertised(small)).isSameAs(small.inputSchema());
    assertThat(bounds.simplified(small)).isFalse();
  }

  private static Schema compile(JsonNode schema) {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
  }
}
