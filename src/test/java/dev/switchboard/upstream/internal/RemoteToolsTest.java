package dev.switchboard.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.tool.McpToolCall;
import dev.switchboard.tool.Tool;
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
         {"name": "old", "annotations": {"title": "Old style"}}]"""));

    assertThat(tools).extracting(Tool::name).containsExactly("wiki_read_page", "wiki_old");
    assertThat(tools.get(0).title()).isEqualTo("Read a page");
    assertThat(tools.get(0).localName()).isEqualTo("read_page");
    assertThat(tools.get(0).inputSchema().path("properties").has("id")).isTrue();
    assertThat(tools.get(0).recipe()).isEqualTo(new McpToolCall("readPage"));
    assertThat(tools.get(1).title()).isEqualTo("Old style");
    assertThat(tools.get(1).description()).isEmpty();
  }

  @Test
  void theServersReadOnlyHintIsKeptWhenItGivesOne() {
    List<Tool> tools = RemoteTools.of("wiki", definitions("""
        [{"name": "read", "annotations": {"readOnlyHint": true}},
         {"name": "write", "annotations": {"readOnlyHint": false}},
         {"name": "unknown", "annotations": {"readOnlyHint": "yes"}}]"""));

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
         {"name": "a", "description": "second"}]"""));

    assertThat(tools).singleElement().extracting(Tool::description).isEqualTo("first");
  }
}
