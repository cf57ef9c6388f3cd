package dev.switchboard.app;

import dev.switchboard.admin.StoredCatalog;
import dev.switchboard.admin.internal.ProviderRows;
import dev.switchboard.provider.Catalog;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.store.Database;
import dev.switchboard.tool.ToolCatalog;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider catalog as stored, without tools, credentials, bundles or the outbound client:
 * what {@code provider list} and {@code provider status} open. No document and no stored tool is
 * read (a row stored before tools were kept is imported once, as at a server's start).
 */
final class CatalogStores {
  final ProviderRegistry registry;
  final StoredCatalog stored;

  CatalogStores(Settings settings, JsonMapper json, Database database) {
    Catalog shipped = Catalog.load(json, settings.baseUrlOverrides())
        .withAuthUrlOverrides(settings.authUrlOverrides());
    this.registry = new ProviderRegistry(shipped);
    this.stored = new StoredCatalog(new ProviderRows(database.jdbi()), shipped, registry,
        ToolCatalog.build(shipped, List.of()), json);
    stored.refresh();
  }
}
