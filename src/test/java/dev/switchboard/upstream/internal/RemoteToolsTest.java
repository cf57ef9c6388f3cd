package dev.switchboard.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.tool.McpToolCall;
import dev.switchboard.tool.Tool;
import dev.switchboard.upstream.Header;
import dev.switchboard.upstream.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RemoteToolsTest {
  static final JsonMapper JSON = JsonMapper.builder().build();

  static List<JsonNode> definitions(String array) {
    List<JsonNode> list = new ArrayList<>();
    JSON.readTree(array).forEach(list::add);
    return list;
  }

  @Test
  void titleDescriptionAndSchemaAreCopied() {
    List<Tool> tools = RemoteTools.of("wiki", definitions("""
        [{"name": "readPage", "title": "Read a page", "description": "Reads it",
          "inputSchema": {"type": "object", "properties": {"id": {"type": "string"}}}},
         {"name": "old", "annotations": {"title": "Old style"}}]"""), Redactor.none());

    assertThat(tools).extracting(Tool::name).containsExactly("wiki_read_page", "wiki_old");
    assertThat(tools.get(0).title()).isEqualTo("Read a page");
    assertThat(tools.get(0).localName()).isEqualTo("read_page");
    assertThat(tools.get(0).inputSchema().path("properties").has("id")).isTrue();
    assertThat(tools.get(0).recipe()).isEqualTo(new McpToolCall("readPage"));
    assertThat(tools.get(1).title()).isEqualTo("Old style");
    assertThat(tools.get(1).description()).isEmpty();
  }

  @Test
  void annotationsOutputSchemaIconsExecutionAndMetaAreKeptAndRedacted() {
    Redactor redactor = Redactor.builder().headers(List.of(new Header("Authorization", "Bearer tok-remote-4242"))).build();
    Tool tool = RemoteTools.of("wiki", definitions("""
        [{"name": "read", "title": "Read",
          "annotations": {"readOnlyHint": true, "destructiveHint": false, "title": "Read a page"},
          "outputSchema": {"type": "object", "properties": {"page": {"type": "string"}}},
          "icons": [{"src": "https://wiki.example/icon.png", "mimeType": "image/png"}],
          "execution": {"taskSupport": "optional"},
          "_meta": {"note": "sent with tok-remote-4242"},
          "somethingElse": 1}]"""), redactor).get(0);

    assertThat(tool.upstreamFields().propertyNames()).containsExactly("annotations", "outputSchema", "icons",
        "execution", "_meta");
    assertThat(tool.upstreamFields().path("annotations").path("destructiveHint").asBoolean(true)).isFalse();
    assertThat(tool.upstreamFields().path("execution").path("taskSupport").asString()).isEqualTo("optional");
    assertThat(tool.upstreamFields().path("_meta").path("note").asString()).isEqualTo("sent with [redacted]");
  }

  @Test
  void theServersReadOnlyHintIsKeptWhenItGivesOne() {
    List<Tool> tools = RemoteTools.of("wiki", definitions("""
        [{"name": "read", "annotations": {"readOnlyHint": true}},
         {"name": "write", "annotations": {"readOnlyHint": false}},
         {"name": "unknown", "annotations": {"readOnlyHint": "yes"}}]"""), Redactor.none());

    assertThat(tools).extracting(Tool::recipe).containsExactly(new McpToolCall("read", Optional.of(true)),
        new McpToolCall("write", Optional.of(false)), new McpToolCall("unknown"));
  }

  @Test
  void aMissingOrNonObjectSchemaBecomesAnEmptyObjectSchema() {
    assertThat(RemoteTools.inputSchema(JSON.readTree("null"))).hasToString("{\"type\":\"object\"}");
    assertThat(RemoteTools.inputSchema(JSON.readTree("{\"type\": \"string\"}"))).hasToString("{\"type\":\"object\"}");
    assertThat(RemoteTools.inputSchema(JSON.readTree("{\"properties\": {}}")))
        .hasToString("{\"properties\":{},\"type\":\"object\"}");
  }

  @Test
  void namelessDefinitionsAreSkippedAndRepeatedNamesKeepTheFirst() {
    List<Tool> tools = RemoteTools.of("wiki", definitions("""
        [{"description": "no name"}, {"name": ""}, {"name": "a", "description": "first"},
         {"name": "a", "description": "second"}]"""), Redactor.none());

    assertThat(tools).singleElement().extracting(Tool::description).isEqualTo("first");
  }

  @Test
  void titlesDescriptionsAndSchemasQuotingTheAuthorizationHeaderAreRedactedAndSecretNamesSkipped() {
    Redactor redactor = Redactor.builder().headers(List.of(new Header("Authorization", "Bearer tok-remote-4242"))).build();

    List<Tool> tools = RemoteTools.of("wiki", definitions("""
        [{"name": "readPage", "title": "for tok-remote-4242",
          "description": "You called me with Authorization: Bearer tok\\u002dremote%2D4242",
          "inputSchema": {"type": "object", "properties": {"id": {"type": "string",
            "description": "token %25%37%34ok-remote-4242", "default": "tok-remote-4242"}}}},
         {"name": "tok-remote-4242", "description": "a name that is the token"}]"""), redactor);

    assertThat(tools).singleElement().extracting(Tool::name).isEqualTo("wiki_read_page");
    Tool tool = tools.get(0);
    assertThat(tool.title()).isEqualTo("for [redacted]");
    assertThat(tool.description()).contains("Authorization: [redacted]").doesNotContain("4242");
    assertThat(tool.inputSchema().toString()).doesNotContain("4242").contains("[redacted]");
    assertThat(tool.recipe()).isEqualTo(new McpToolCall("readPage"));
  }
}
