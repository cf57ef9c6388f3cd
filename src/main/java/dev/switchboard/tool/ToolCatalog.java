package dev.switchboard.tool;

import dev.switchboard.provider.Catalog;
import dev.switchboard.provider.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every tool of the catalog's providers, gathered once from the {@link ToolSource}s at start-up
 * (curated OpenAPI documents, built-in tool sets). Immutable; lookups are map reads. Tools of remote
 * MCP providers depend on the user's credential and are discovered elsewhere.
 */
public final class ToolCatalog {
  private final Map<String, Tool> byName;
  private final Map<String, List<Tool>> byProvider;

  private ToolCatalog(Map<String, Tool> byName, Map<String, List<Tool>> byProvider) {
    this.byName = byName;
    this.byProvider = byProvider;
  }

  /** Collects the tools of every provider from every source; a duplicate name is a start-up error. */
  public static ToolCatalog build(Catalog catalog, List<? extends ToolSource> sources) {
    Map<String, Tool> byName = new LinkedHashMap<>();
    Map<String, List<Tool>> byProvider = new HashMap<>();
    for (Provider provider : catalog.all()) {
      List<Tool> tools = new ArrayList<>();
      for (ToolSource source : sources) {
        tools.addAll(source.tools(provider));
      }
      tools.sort(Comparator.comparing(Tool::name));
      for (Tool tool : tools) {
        if (byName.putIfAbsent(tool.name(), tool) != null) {
          throw new IllegalStateException("two tools are named " + tool.name());
        }
      }
      byProvider.put(provider.slug(), List.copyOf(tools));
    }
    return new ToolCatalog(Map.copyOf(byName), Map.copyOf(byProvider));
  }

  public Optional<Tool> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The provider's tools, sorted by name; empty for an unknown provider. */
  public List<Tool> ofProvider(String provider) {
    return byProvider.getOrDefault(provider, List.of());
  }

  /** A provider's tool by its local name ({@code list_models}) or its full name. */
  public Optional<Tool> find(String provider, String name) {
    return ofProvider(provider).stream()
        .filter(t -> t.localName().equals(name) || t.name().equals(name))
        .findFirst();
  }

  public List<Tool> all() {
    return List.copyOf(byName.values());
  }
}
