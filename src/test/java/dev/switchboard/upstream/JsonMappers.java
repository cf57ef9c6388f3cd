package dev.switchboard.upstream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON mapper of the upstream tests. */
final class JsonMappers {
  static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

  private JsonMappers() {}

  static JsonNode json(String text) {
    return JSON.readTree(text);
  }
}
