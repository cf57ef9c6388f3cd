package dev.switchboard.mcp.internal;

import dev.switchboard.bundle.BundleView;
import dev.switchboard.bundle.ResolvedTool;
import dev.switchboard.mcp.McpError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DYNAMIC bundles and the hub: instead of every tool, meta-tools to search, describe and call them
 * (and, on the hub, to list the bundles). On the hub a call names its bundle and runs with that
 * bundle's bindings.
 */
public final class MetaSurface implements ToolSurface {
  private static final int DEFAULT_LIMIT = 10;
  private final List<BundleView> views;
  private final boolean hub;
  private final ToolRunner runner;
  private final JsonMapper json;
  private final String userId;
  private final ToolIndexes indexes;

  public MetaSurface(List<BundleView> views, boolean hub, ToolRunner runner, JsonMapper json, String userId,
      ToolIndexes indexes) {
    this.views = List.copyOf(views);
    this.hub = hub;
    this.runner = runner;
    this.json = json;
    this.userId = userId;
    this.indexes = indexes;
  }

  @Override
  public List<JsonNode> tools() {
    List<JsonNode> tools = new ArrayList<>();
    if (hub) {
      tools.add(ToolDefinitions.meta(json, "list_bundles", "List bundles",
          "List the bundles enabled for you, with how many of their tools are ready.", schema(false, false)));
    }
    tools.add(ToolDefinitions.meta(json, "search_tools", "Search tools",
        "Search the available tools in plain words (\"list pull requests\", \"send a message to a "
            + "channel\"): the most relevant first, by name, title, path and description. Returns names to pass "
            + "to describe_tool and call_tool.", searchSchema()));
    tools.add(ToolDefinitions.meta(json, "describe_tool", "Describe a tool",
        "Show one tool's description and input schema.", schema(true, false)));
    tools.add(ToolDefinitions.meta(json, "call_tool", "Call a tool",
        "Call a tool by name with arguments matching its input schema.", schema(true, true)));
    return tools;
  }

  @Override
  public ObjectNode call(String name, JsonNode arguments, Instant deadline, Consumer<JsonNode> progress) {
    JsonNode args = arguments == null ? json.createObjectNode() : arguments;
    return switch (name) {
      case "list_bundles" -> {
        if (!hub) {
          throw unknown(name);
        }
        yield runner.jsonResult(listBundles());
      }
      case "search_tools" -> runner.jsonResult(search(args.path("query").asString(""),
          Math.max(1, Math.min(50, args.path("limit").asInt(DEFAULT_LIMIT))), text(args, "bundle")));
      case "describe_tool" -> runner.jsonResult(describe(find(args)));
      case "call_tool" -> {
        Entry entry = find(args);
        yield runner.run(userId, entry.tool(), args.get("arguments"), entry.bundle(), deadline, progress);
      }
      default -> throw unknown(name);
    };
  }

  private record Entry(String bundle, ResolvedTool tool) {}

  private List<Entry> entries(Optional<String> bundle) {
    List<Entry> out = new ArrayList<>();
    for (BundleView v : views) {
      if (bundle.isEmpty() || bundle.get().equals(v.bundle().slug())) {
        v.available().forEach(t -> out.add(new Entry(v.bundle().slug(), t)));
      }
    }
    return out;
  }

  private Entry find(JsonNode args) {
    String name = text(args, "name").orElseThrow(() -> McpError.invalidParams("'name' is required"));
    Optional<String> bundle = text(args, "bundle");
    if (hub && bundle.isEmpty()) {
      throw McpError.invalidParams("'bundle' is required on the hub; list_bundles names them");
    }
    for (BundleView v : views) {
      if (bundle.isPresent() && !bundle.get().equals(v.bundle().slug())) {
        continue;
      }
      Optional<ResolvedTool> tool = v.tool(name);
      if (tool.isPresent()) {
        return new Entry(v.bundle().slug(), tool.get());
      }
    }
    throw McpError.invalidParams("unknown tool '" + name + "'" + bundle.map(b -> " in bundle " + b).orElse("")
        + "; search_tools finds the available ones");
  }

  private ObjectNode search(String query, int limit, Optional<String> bundle) {
    List<Entry> entries = entries(bundle);
    List<Entry> hits = new ArrayList<>();
    if (query.isBlank()) {
      hits.addAll(entries);
      hits.sort(Comparator.comparing(e -> e.tool().tool().name()));
    } else {
      ToolIndex index = indexes.of(entries.stream().map(e -> e.tool().tool()).toList());
      index.search(query).forEach(h -> hits.add(entries.get(h.tool())));
    }
    ObjectNode out = json.createObjectNode();
    ArrayNode tools = out.putArray("tools");
    hits.stream().limit(limit).forEach(e -> {
      ObjectNode t = tools.addObject();
      t.put("name", e.tool().tool().name());
      if (hub) {
        t.put("bundle", e.bundle());
      }
      t.put("title", e.tool().tool().title());
      String d = e.tool().tool().description();
      t.put("description", d.length() > 200 ? d.substring(0, 200) + "…" : d);
    });
    out.put("total", hits.size());
    if (hits.isEmpty() && !query.isBlank() && !ToolIndex.searchable(query)) {
      out.put("hint", "the query holds only common words (such as 'a', 'the', 'to'); name what the tool "
          + "does or works on");
    }
    return out;
  }

  private ObjectNode describe(Entry e) {
    ObjectNode out = ToolDefinitions.of(json, e.tool().tool());
    if (hub) {
      out.put("bundle", e.bundle());
    }
    return out;
  }

  private ObjectNode listBundles() {
    ObjectNode out = json.createObjectNode();
    ArrayNode bundles = out.putArray("bundles");
    for (BundleView v : views) {
      ObjectNode b = bundles.addObject();
      b.put("slug", v.bundle().slug());
      b.put("name", v.bundle().name());
      b.put("description", v.bundle().description());
      b.put("tools", v.tools().size());
      b.put("availableTools", v.available().size());
    }
    return out;
  }

  private ObjectNode searchSchema() {
    ObjectNode s = json.createObjectNode().put("type", "object");
    ObjectNode p = s.putObject("properties");
    p.putObject("query").put("type", "string").put("description", "Words to look for");
    p.putObject("limit").put("type", "integer").put("minimum", 1).put("maximum", 50);
    if (hub) {
      p.putObject("bundle").put("type", "string").put("description", "Only this bundle");
    }
    s.putArray("required").add("query");
    return s;
  }

  private ObjectNode schema(boolean name, boolean call) {
    ObjectNode s = json.createObjectNode().put("type", "object");
    ObjectNode p = s.putObject("properties");
    ArrayNode required = s.putArray("required");
    if (name) {
      p.putObject("name").put("type", "string").put("description", "The tool's name");
      required.add("name");
      if (hub) {
        p.putObject("bundle").put("type", "string").put("description", "The bundle the tool belongs to");
        required.add("bundle");
      }
    }
    if (call) {
      p.putObject("arguments").put("type", "object").put("description", "The tool's arguments");
    }
    return s;
  }

  private static Optional<String> text(JsonNode args, String field) {
    JsonNode v = args.get(field);
    return v != null && v.isString() && !v.asString().isBlank() ? Optional.of(v.asString()) : Optional.empty();
  }

  private static McpError unknown(String name) {
    return McpError.invalidParams("unknown tool '" + name + "'; tools/list shows the meta-tools of this endpoint");
  }
}
