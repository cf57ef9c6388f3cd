package dev.switchboard.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.ToolResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CallResultsTest {
  static final JsonMapper JSON = JsonMapper.builder().build();

  static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  @Test
  void textBlocksAreJoinedAndOtherBlocksSummarisedInPlace() {
    ToolResult result = CallResults.of(json("""
        {"content": [
          {"type": "text", "text": "one"},
          {"type": "image", "mimeType": "image/png", "data": "AAAAAA=="},
          {"type": "audio", "mimeType": "audio/wav", "data": "AAAA"},
          {"type": "resource_link", "uri": "file:///a.txt", "name": "a"},
          {"type": "resource", "resource": {"uri": "file:///b.txt", "mimeType": "text/plain", "text": "héllo"}},
          {"type": "resource", "resource": {"uri": "file:///c.bin", "blob": "AAA="}},
          {"type": "hologram"},
          {"type": "text", "text": "two"}
        ]}"""));

    assertThat(result.outcome()).isEqualTo(Outcome.OK);
    assertThat(result.text()).isEqualTo(String.join("\n", "one", "[image/png, 4 bytes]", "[audio/wav, 3 bytes]",
        "[resource link file:///a.txt]", "[resource file:///b.txt, text/plain, 6 bytes]",
        "[resource file:///c.bin, 2 bytes]", "[hologram content]", "two"));
    assertThat(result.structured()).isEmpty();
  }

  @Test
  void everyBlockIsKeptAsTheServerSentIt() {
    JsonNode content = json("""
        [{"type": "text", "text": "one", "annotations": {"audience": ["user"], "priority": 0.9}},
         {"type": "text", "text": "two", "_meta": {"x": 1}},
         {"type": "image", "mimeType": "image/png", "data": "iVBORw0KGgo=", "annotations": {"priority": 0.1}},
         {"type": "audio", "mimeType": "audio/wav", "data": "UklGRg=="},
         {"type": "resource_link", "uri": "file:///a.txt", "name": "a", "title": "A", "size": 3},
         {"type": "resource", "resource": {"uri": "file:///b.txt", "mimeType": "text/plain", "text": "b"}}]""");

    ToolResult result = CallResults.of(JSON.createObjectNode().set("content", content));
    ToolResult failed = CallResults.of(json("{\"isError\": true, \"content\": [{\"type\": \"image\", "
        + "\"mimeType\": \"image/png\", \"data\": \"AA==\"}], \"structuredContent\": {\"why\": \"x\"}}"));

    assertThat(result.content()).contains(content);
    assertThat(failed.isError()).isTrue();
    assertThat(failed.content().orElseThrow().get(0).path("type").asString()).isEqualTo("image");
    assertThat(failed.structured()).contains(json("{\"why\": \"x\"}"));
  }

  @Test
  void structuredContentIsKeptWhenItIsAnObject() {
    assertThat(CallResults.of(json("{\"content\": [], \"structuredContent\": {\"a\": 1}}")).structured())
        .contains(json("{\"a\": 1}"));
    assertThat(CallResults.of(json("{\"content\": [], \"structuredContent\": [1]}")).structured()).isEmpty();
  }

  @Test
  void anErrorResultIsARefusedRequestWithItsText() {
    ToolResult result = CallResults.of(json("{\"isError\": true, \"content\": [{\"type\": \"text\", \"text\": \"no such city\"}]}"));
    ToolResult silent = CallResults.of(json("{\"isError\": true, \"content\": []}"));

    assertThat(result.outcome()).isEqualTo(Outcome.UPSTREAM_REJECTED_REQUEST);
    assertThat(result.text()).isEqualTo("no such city");
    assertThat(result.content()).contains(json("[{\"type\": \"text\", \"text\": \"no such city\"}]"));
    assertThat(silent.text()).isEqualTo("the remote tool reported an error without a message");
  }
}
