package dev.switchboard.admin;

import dev.switchboard.admin.internal.ProviderRows;
import dev.switchboard.admin.internal.StoredProviders;
import dev.switchboard.provider.Catalog;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.provider.ProviderStatus;
import dev.switchboard.tool.ToolCatalog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog as stored: the shipped providers plus what administrators added and the statuses
 * they set, applied to a {@link ProviderRegistry}, and each stored provider's tools put into the
 * {@link ToolCatalog} to be read when first needed. Reads a few bytes a row, never a document or
 * the stored tools, so that the command line can list and change the catalog without the rest of
 * the gateway. Thread safe.
 */
public final class StoredCatalog {
  private final ProviderRows rows;
  private final Catalog shipped;
  private final ProviderRegistry registry;
  private final JsonMapper json;
  private final StoredProviders loader;
  private volatile String seen = "";

  public StoredCatalog(ProviderRows rows, Catalog shipped, ProviderRegistry registry, ToolCatalog tools,
      JsonMapper json) {
    this.rows = rows;
    this.shipped = shipped;
    this.registry = registry;
    this.json = json;
    this.loader = new StoredProviders(rows, tools);
  }

  /**
   * Applies what is stored (at start-up, and when another process changed it). Stored tools are
   * read back when first needed, never parsed from their document again; a row stored before tools
   * were kept is imported once, within the document limits, and its tools (or the reason it failed)
   * stored. Answers whether anything stored had changed since the last refresh.
   */
  public synchronized boolean refresh() {
    String version = rows.version();
    if (version.equals(seen)) {
      return false;
    }
    Catalog next = shipped;
    List<ProviderRows.Stored> all = rows.all();
    for (ProviderRows.Stored stored : all) {
      Provider provider = json.readValue(stored.definition(), Provider.class);
      if (next.find(provider.slug()).isEmpty()) {
        next = next.add(provider);
        loader.load(stored);
      }
    }
    loader.keepOnly(all.stream().map(ProviderRows.Stored::slug).collect(Collectors.toSet()));
    for (Map.Entry<String, String> status : rows.statuses().entrySet()) {
      if (next.find(status.getKey()).isPresent()) {
        next = next.withStatus(status.getKey(), ProviderStatus.valueOf(status.getValue()));
      }
    }
    Catalog done = next;
    registry.update(c -> done);
    registry.statusReasons(rows.healthReasons());
    boolean changed = !seen.isEmpty();
    seen = version;
    return changed;
  }

  /**
   * Stores and applies the status an administrator sets; the provider must exist. What the health
   * check recorded is forgotten, so that it never overrides this status (it watches the provider
   * again only while it is ACTIVE).
   */
  public Provider setStatus(String slug, ProviderStatus status, Instant at) {
    registry.require(slug);
    rows.forgetHealth(slug);
    return setStatusFromHealth(slug, status, at);
  }

  /** Stores and applies the status the health check sets; the provider must exist. */
  Provider setStatusFromHealth(String slug, ProviderStatus status, Instant at) {
    registry.require(slug);
    rows.setStatus(slug, status.name(), at);
    registry.update(c -> c.withStatus(slug, status));
    return registry.require(slug);
  }

  /** Why a stored provider's document could not be imported, when it could not (its tools are then empty). */
  public Optional<String> loadError(String slug) {
    return loader.loadError(slug);
  }

  StoredProviders loader() {
    return loader;
  }
}
