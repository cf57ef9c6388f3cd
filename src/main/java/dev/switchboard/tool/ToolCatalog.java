package dev.switchboard.tool;

import dev.switchboard.provider.Catalog;
import dev.switchboard.provider.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every tool of the catalog's providers. Each provider's tools come from a {@link Supply} that is
 * read only when one of them is first needed (start-up and the command line read none): shipped
 * providers' from their {@link ToolSource}s, imported ones' from what the import stored. Imported
 * tool sets can be large (a big API description makes tens of megabytes of schemas), so the loaded
 * ones are kept within a budget of stored characters, least recently used dropped first, and read
 * back when needed again. Supplies are replaced per provider when an administrator imports one and
 * dropped when one is deleted. Thread safe. Tools of remote MCP providers depend on the user's
 * credential and are discovered elsewhere.
 */
public final class ToolCatalog {
  /**
   * How many characters of stored tools may be loaded at once, at most: measured at about 6.5 bytes
   * of heap a character (21 million characters of 25 large APIs took 135 MB), so about 155 MB of heap.
   */
  public static final long MOST_BUDGET = 24_000_000L;

  /**
   * The budget unless told otherwise: a twentieth of the largest heap in characters (about a third
   * of the heap), at most {@link #MOST_BUDGET}; the launcher's 224 MB heap keeps about 11 million,
   * more than the four largest of the 25 APIs together (3 million characters at most each).
   */
  public static long defaultBudget() {
    return Math.min(MOST_BUDGET, Runtime.getRuntime().maxMemory() / 20);
  }

  /** Where one provider's tools come from. */
  public interface Supply {
    /** The provider's tools, read or made now. */
    List<Tool> load();

    /** What keeping them costs, counted against the budget (stored characters); 0 keeps them once loaded. */
    long weight();

    /** A supply of a list at hand (built-in tools, an MCP provider's none), kept. */
    static Supply of(List<Tool> tools) {
      List<Tool> copy = List.copyOf(tools);
      return new Supply() {
        @Override
        public List<Tool> load() {
          return copy;
        }

        @Override
        public long weight() {
          return 0;
        }
      };
    }
  }

  /** A provider's loaded tools, for the supply they came from. */
  private record Loaded(Supply supply, List<Tool> sorted, Map<String, Tool> byName, AtomicLong used) {}

  private final long budget;
  private final AtomicLong clock = new AtomicLong();
  private volatile Map<String, Supply> supplies;
  private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

  private ToolCatalog(Map<String, Supply> supplies, long budget) {
    this.supplies = Map.copyOf(supplies);
    this.budget = budget;
  }

  /**
   * The shipped providers' tools from {@code sources}, each provider's gathered when first needed
   * (a curated document that does not import cleanly fails then), with the default budget.
   */
  public static ToolCatalog build(Catalog catalog, List<? extends ToolSource> sources) {
    return build(catalog, sources, defaultBudget());
  }

  /** Like {@link #build(Catalog, List)} with a budget of stored characters for imported tools. */
  public static ToolCatalog build(Catalog catalog, List<? extends ToolSource> sources, long budget) {
    Map<String, Supply> supplies = new HashMap<>();
    for (Provider provider : catalog.all()) {
      supplies.put(provider.slug(), new Supply() {
        @Override
        public List<Tool> load() {
          List<Tool> tools = new ArrayList<>();
          for (ToolSource source : sources) {
            tools.addAll(source.tools(provider));
          }
          return tools;
        }

        @Override
        public long weight() {
          return 0;
        }
      });
    }
    return new ToolCatalog(supplies, budget);
  }

  /** Replaces the tools of one provider with a list at hand. */
  public void replace(String provider, List<Tool> tools) {
    replace(provider, Supply.of(tools));
  }

  /** Replaces where one provider's tools come from (an import or re-import); they are read when needed. */
  public synchronized void replace(String provider, Supply supply) {
    Map<String, Supply> next = new HashMap<>(supplies);
    next.put(provider, supply);
    supplies = Map.copyOf(next);
    loaded.remove(provider);
  }

  /** Drops every tool of one provider (a deleted provider); nothing happens for an unknown one. */
  public synchronized void remove(String provider) {
    if (supplies.containsKey(provider)) {
      Map<String, Supply> next = new HashMap<>(supplies);
      next.remove(provider);
      supplies = Map.copyOf(next);
    }
    loaded.remove(provider);
  }

  /** A tool by its full name ({@code provider_tool}): only its provider's tools are read. */
  public Optional<Tool> find(String name) {
    if (name == null) {
      return Optional.empty();
    }
    // a name starts with its provider's slug and '_'; slugs have no '_', but try every prefix anyway
    for (int i = name.indexOf('_'); i > 0; i = name.indexOf('_', i + 1)) {
      String provider = name.substring(0, i);
      if (supplies.containsKey(provider)) {
        Tool tool = loaded(provider).map(l -> l.byName().get(name)).orElse(null);
        if (tool != null) {
          return Optional.of(tool);
        }
      }
    }
    return Optional.empty();
  }

  /** The provider's tools, sorted by name; empty for an unknown provider. */
  public List<Tool> ofProvider(String provider) {
    return loaded(provider).map(Loaded::sorted).orElse(List.of());
  }

  /** A provider's tool by its local name ({@code list_models}) or its full name. */
  public Optional<Tool> find(String provider, String name) {
    return ofProvider(provider).stream()
        .filter(t -> t.localName().equals(name) || t.name().equals(name))
        .findFirst();
  }

  /** Every tool of every provider, sorted by name (reads them all: meant for listings, not calls). */
  public List<Tool> all() {
    List<Tool> all = new ArrayList<>();
    for (String provider : supplies.keySet()) {
      all.addAll(ofProvider(provider));
    }
    all.sort(Comparator.comparing(Tool::name));
    return all;
  }

  /** The providers whose tools are loaded now, for tests and diagnostics. */
  public List<String> loadedProviders() {
    return loaded.keySet().stream().sorted().toList();
  }

  private Optional<Loaded> loaded(String provider) {
    Supply supply = supplies.get(provider);
    if (supply == null) {
      return Optional.empty();
    }
    Loaded current = loaded.get(provider);
    if (current == null || current.supply() != supply) {
      current = loaded.compute(provider, (slug, before) ->
          before != null && before.supply() == supply ? before : load(supply));
      if (supply.weight() > 0) {
        keepWithinBudget(provider);
      }
    }
    current.used().set(clock.incrementAndGet());
    return Optional.of(current);
  }

  private static Loaded load(Supply supply) {
    List<Tool> tools = new ArrayList<>(supply.load());
    tools.sort(Comparator.comparing(Tool::name));
    Map<String, Tool> byName = new HashMap<>();
    for (Tool tool : tools) {
      if (byName.putIfAbsent(tool.name(), tool) != null) {
        throw new IllegalStateException("two tools are named " + tool.name());
      }
    }
    return new Loaded(supply, List.copyOf(tools), Map.copyOf(byName), new AtomicLong());
  }

  /** Drops the least recently used weighed tool sets, other than {@code keep}'s, until within the budget. */
  private synchronized void keepWithinBudget(String keep) {
    while (true) {
      long total = 0;
      String oldest = null;
      long oldestUse = Long.MAX_VALUE;
      for (Map.Entry<String, Loaded> e : loaded.entrySet()) {
        long weight = e.getValue().supply().weight();
        total += weight;
        if (weight > 0 && !e.getKey().equals(keep) && e.getValue().used().get() < oldestUse) {
          oldest = e.getKey();
          oldestUse = e.getValue().used().get();
        }
      }
      if (total <= budget || oldest == null) {
        return;
      }
      loaded.remove(oldest);
    }
  }
}
