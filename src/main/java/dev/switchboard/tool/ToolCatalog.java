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
 * Every tool of the catalog's providers, gathered from the {@link ToolSource}s at start-up
 * (curated OpenAPI documents, built-in tool sets) and replaced per provider when an administrator
 * imports one (or drops them when one is deleted). Reads are map reads on an immutable snapshot; changes swap it. Thread safe. Tools of
 * remote MCP providers depend on the user's credential and are discovered elsewhere.
 */
public final class ToolCatalog {
  private record State(Map<String, Tool> byName, Map<String, List<Tool>> byProvider) {}

  private volatile State state;

  private ToolCatalog(State state) {
    this.state = state;
  }

  /** Collects the tools of every provider from every source; a duplicate name is a start-up error. */
  public static ToolCatalog build(Catalog catalog, List<? extends ToolSource> sources) {
    // providers' documents are parsed in parallel: this is most of what start-up waits for
    Map<String, List<Tool>> byProvider = new java.util.concurrent.ConcurrentHashMap<>();
    catalog.all().parallelStream().forEach(provider -> {
      List<Tool> tools = new ArrayList<>();
      for (ToolSource source : sources) {
        tools.addAll(source.tools(provider));
      }
      byProvider.put(provider.slug(), tools);
    });
    return new ToolCatalog(index(byProvider));
  }

  /** Replaces the tools of one provider (an import or re-import). */
  public synchronized void replace(String provider, List<Tool> tools) {
    Map<String, List<Tool>> byProvider = new HashMap<>(state.byProvider());
    byProvider.put(provider, tools);
    state = index(byProvider);
  }

  /** Drops every tool of one provider (a deleted provider); nothing happens for an unknown one. */
  public synchronized void remove(String provider) {
    if (state.byProvider().containsKey(provider)) {
      Map<String, List<Tool>> byProvider = new HashMap<>(state.byProvider());
      byProvider.remove(provider);
      state = index(byProvider);
    }
  }

  private static State index(Map<String, List<Tool>> byProvider) {
    Map<String, Tool> byName = new LinkedHashMap<>();
    Map<String, List<Tool>> sorted = new HashMap<>();
    for (Map.Entry<String, List<Tool>> e : byProvider.entrySet()) {
      List<Tool> tools = new ArrayList<>(e.getValue());
      tools.sort(Comparator.comparing(Tool::name));
      for (Tool tool : tools) {
        if (byName.putIfAbsent(tool.name(), tool) != null) {
          throw new IllegalStateException("two tools are named " + tool.name());
        }
      }
      sorted.put(e.getKey(), List.copyOf(tools));
    }
    return new State(Map.copyOf(byName), Map.copyOf(sorted));
  }

  public Optional<Tool> find(String name) {
    return Optional.ofNullable(state.byName().get(name));
  }

  /** The provider's tools, sorted by name; empty for an unknown provider. */
  public List<Tool> ofProvider(String provider) {
    return state.byProvider().getOrDefault(provider, List.of());
  }

  /** A provider's tool by its local name ({@code list_models}) or its full name. */
  public Optional<Tool> find(String provider, String name) {
    return ofProvider(provider).stream()
        .filter(t -> t.localName().equals(name) || t.name().equals(name))
        .findFirst();
  }

  public List<Tool> all() {
    return state.byName().values().stream().sorted(Comparator.comparing(Tool::name)).toList();
  }
}
