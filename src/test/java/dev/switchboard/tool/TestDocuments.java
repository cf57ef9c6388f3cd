package dev.switchboard.tool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI documents under {@code src/test/resources/openapi/} and helpers to look into reports. */
final class TestDocuments {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private TestDocuments() {}

  static String text(String name) {
    try (InputStream in = TestDocuments.class.getResourceAsStream("/openapi/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test document " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ImportReport importResource(String provider, String name) {
    return OpenApiImport.importDocument(provider, text(name));
  }

  static Tool tool(ImportReport report, String name) {
    return report.tools().stream().filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no tool " + name + " in "
            + report.tools().stream().map(Tool::name).toList()));
  }

  static HttpOperation recipe(Tool tool) {
    return (HttpOperation) tool.recipe();
  }

  static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  /** {@code node} as plain maps and lists, for comparisons where property order does not matter. */
  static Object unordered(JsonNode node) {
    return JSON.treeToValue(node, Object.class);
  }
}
