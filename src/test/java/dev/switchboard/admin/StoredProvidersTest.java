package dev.switchboard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.admin.internal.ProviderRows;
import dev.switchboard.admin.internal.StoredProviders;
import dev.switchboard.provider.Catalog;
import dev.switchboard.store.Database;
import dev.switchboard.tool.OpenApiImport;
import dev.switchboard.tool.ToolCatalog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading stored providers survives what importing one stored document can throw. */
class StoredProvidersTest {
  /** Within the nesting limit (128), but deep enough to overflow a 64 KB stack while importing. */
  private static final String DEEP = "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, "
      + "\"paths\": {}, \"x-deep\": " + "[".repeat(120) + "]".repeat(120) + "}";

  @TempDir
  Path dir;

  @Test
  void aStackOverflowWhileImportingAStoredDocumentLeavesTheProviderWithoutToolsInsteadOfFailing() throws Exception {
    OpenApiImport.importDocument("deep", DEEP); // imports on an ordinary stack; initialises the classes first
    try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("switchboard.db"), "", "")) {
      ProviderRows rows = new ProviderRows(db.jdbi());
      rows.save("deep", "{}", DEEP, null, "admin", Instant.now());
      StoredProviders loader = new StoredProviders(rows, ToolCatalog.build(Catalog.of(List.of()), List.of()));
      ProviderRows.Stored stored = rows.all().get(0);

      AtomicReference<Throwable> thrown = new AtomicReference<>();
      // a small stack stands in for a document that recurses deeper than the stack allows
      Thread small = new Thread(null, () -> {
        try {
          loader.load(stored);
        } catch (Throwable e) {
          thrown.set(e);
        }
      }, "small-stack", 64 * 1024);
      small.start();
      small.join();

      assertThat(thrown.get()).isNull();
      assertThat(loader.loadError("deep")).hasValueSatisfying(e -> assertThat(e).contains("nests too deeply"));
      assertThat(rows.all().get(0).loadError()).contains("nests too deeply");
    }
  }
}
