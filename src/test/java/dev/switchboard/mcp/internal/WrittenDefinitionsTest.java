package dev.switchboard.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.tool.BuiltinCall;
import dev.switchboard.tool.SchemaBounds;
import dev.switchboard.tool.Tool;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class WrittenDefinitionsTest {
  private final JsonMapper json = JsonMapper.builder().build();
  private final SchemaBounds bounds = new SchemaBounds(SchemaBounds.DEFAULT_LIMIT_BYTES);
  private final WrittenDefinitions written = new WrittenDefinitions(json, bounds);

  private Tool tool(String description) {
    ObjectNode schema = json.createObjectNode().put("type", "object");
    schema.putObject("properties").putObject("q").put("type", "string")
        .put("description", "quotes \" backslashes \\ controls \u0001 and non-ASCII: é ✓ 🦊");
    return new Tool("crm_find", "crm", "find", "Find «contacts»", description, schema, Set.of(),
        new BuiltinCall("crm", "find"));
  }

  @Test
  void aListingWithWrittenDefinitionsIsTheSameJsonAsOneWithTheirTrees() {
    Tool tool = tool("Finds contacts by \"name\"\nor e-mail.");
    ObjectNode raw = json.createObjectNode();
    raw.putArray("tools").add(written.advertised(tool));
    ObjectNode tree = json.createObjectNode();
    tree.putArray("tools").add(ToolDefinitions.advertised(json, tool, bounds));

    assertThat(json.readTree(json.writeValueAsBytes(raw))).isEqualTo(tree);
    assertThat(json.readTree(json.writeValueAsString(raw))).isEqualTo(tree); // the character writer too
    assertThat(json.writeValueAsBytes(raw)).isEqualTo(json.writeValueAsBytes(tree));
  }

  @Test
  void aDefinitionLargerThanJacksonsBufferIsWrittenWhole() {
    Tool tool = tool("x".repeat(50_000));
    ObjectNode raw = json.createObjectNode();
    raw.putArray("tools").add(written.advertised(tool)).add(written.advertised(tool));

    assertThat(json.readTree(json.writeValueAsBytes(raw)).path("tools").get(1).path("description").asString())
        .hasSize(50_000);
  }

  @Test
  void aToolIsWrittenOnceAndANewInstanceOfTheSameNameIsWrittenAnew() {
    Tool first = tool("first");
    assertThat(written.advertised(first)).isSameAs(written.advertised(first));

    Tool reimported = tool("second");
    assertThat(json.writeValueAsString(written.advertised(reimported))).contains("\"second\"");
    assertThat(json.writeValueAsString(written.advertised(first))).contains("\"first\"");
  }
}
