package dev.switchboard.mcp.internal;

import dev.switchboard.tool.SchemaBounds;
import dev.switchboard.tool.Tool;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each tool's {@code tools/list} definition written once, as bytes ({@link WrittenJson}), and
 * copied as they are into every listing after that (issue 12: a listing of 1,000 definitions was
 * mostly Jackson escaping the same strings again). A definition depends only on its tool and the
 * schema bounds, so one kept copy serves every caller and every surface. Kept by tool name, for the
 * tool instance it was written from: a re-imported or refreshed tool (a new instance) is written
 * anew and replaces the old copy, so at most one copy per name is kept, and at most 32 MiB in all
 * (then all are forgotten at once). Only DIRECT bundles list definitions (at most 100 tools each),
 * so what is kept is the union of the tools they list. Two instances alive under one name (the same
 * remote MCP server's tool as two users' servers describe it) are each written when listed. Thread-safe.
 */
public final class WrittenDefinitions {
  static final long MOST_BYTES = 32L * 1024 * 1024;
  private final JsonMapper json;
  private final SchemaBounds bounds;
  private final Map<String, Written> kept = new ConcurrentHashMap<>();
  private long keptBytes;

  private record Written(Tool tool, JsonNode node, int size) {}

  public WrittenDefinitions(JsonMapper json, SchemaBounds bounds) {
    this.json = json;
    this.bounds = bounds;
  }

  /** The bounds a definition's input schema is advertised within. */
  SchemaBounds bounds() {
    return bounds;
  }

  /** {@code tool}'s advertised definition ({@link ToolDefinitions#advertised}), as written bytes. */
  JsonNode advertised(Tool tool) {
    Written known = kept.get(tool.name());
    if (known != null && known.tool() == tool) {
      return known.node();
    }
    byte[] bytes = json.writeValueAsBytes(ToolDefinitions.advertised(json, tool, bounds));
    Written written = new Written(tool, WrittenJson.node(bytes), bytes.length);
    keep(written);
    return written.node();
  }

  private synchronized void keep(Written written) {
    if (keptBytes + written.size() > MOST_BYTES) {
      kept.clear();
      keptBytes = 0;
    }
    Written previous = kept.put(written.tool().name(), written);
    keptBytes += written.size() - (previous == null ? 0 : previous.size());
  }
}
