package dev.switchboard.admin.internal;

import dev.switchboard.error.SwitchboardException;
import dev.switchboard.tool.ImportReport;
import dev.switchboard.tool.OpenApiImport;
import dev.switchboard.tool.StoredTools;
import dev.switchboard.tool.Tool;
import dev.switchboard.tool.ToolCatalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts stored providers' tools into the {@link ToolCatalog} without parsing documents again: the
 * tools an import made are stored as JSON, and a provider whose stored text did not change since the
 * last refresh is not even read back. A row stored before tools were kept (or in an older format) is
 * imported once, within the document limits, and the result stored; a document that cannot be
 * imported (a "billion laughs" stored before the limits, say) leaves the provider without tools and
 * its reason stored, so that it is never parsed again and start-up goes on. Thread safe.
 */
public final class StoredProviders {
  private static final Logger LOG = LoggerFactory.getLogger(StoredProviders.class);

  /** What was put into the catalog for a provider, keyed by the stored text it came from. */
  private record Loaded(String text, String loadError) {}

  private final ProviderRows rows;
  private final ToolCatalog tools;
  private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

  public StoredProviders(ProviderRows rows, ToolCatalog tools) {
    this.rows = rows;
    this.tools = tools;
  }

  /** Brings one stored provider's tools into the catalog, when they changed. */
  public void load(ProviderRows.Stored stored) {
    String slug = stored.slug();
    Loaded before = loaded.get(slug);
    if (before != null && before.equals(new Loaded(stored.tools(), stored.loadError()))) {
      return; // unchanged since the last refresh: nothing read, nothing parsed
    }
    if (stored.loadError() != null || !stored.hasDocument()) {
      put(slug, stored.tools(), stored.loadError(), List.of());
      return;
    }
    Optional<List<Tool>> kept = stored.tools() == null ? Optional.empty() : StoredTools.read(stored.tools());
    if (kept.isPresent()) {
      put(slug, stored.tools(), null, kept.get());
      return;
    }
    importOnce(slug);
  }

  private void importOnce(String slug) {
    String document = rows.document(slug);
    try {
      ImportReport report = OpenApiImport.importDocument(slug, document);
      String text = StoredTools.write(report.tools());
      rows.keepImport(slug, text, null);
      put(slug, text, null, report.tools());
    } catch (SwitchboardException e) {
      // the message names the limit or the parser's complaint, never the document's text
      failed(slug, e.code(), e.getMessage());
    } catch (RuntimeException e) {
      failed(slug, e.getClass().getSimpleName(), "the import failed (" + e.getClass().getSimpleName() + ")");
    } catch (StackOverflowError e) {
      // the stack is unwound by now; one document must not stop start-up. OutOfMemoryError is not
      // caught: the document limits prevent it (docs/security/documents.md) and a heap that ran out
      // may have failed anywhere, so the process is better restarted than carried on
      failed(slug, "StackOverflowError", "the import failed (it nests too deeply for the stack)");
    }
  }

  private void failed(String slug, String code, String reason) {
    LOG.warn("the stored OpenAPI document of provider {} cannot be imported ({}); it has no tools: {}",
        slug, code, reason);
    rows.keepImport(slug, null, reason);
    put(slug, null, reason, List.of());
  }

  /** Records what an import in this process stored, so that the next refresh does not read it back. */
  public void imported(String slug, String text) {
    loaded.put(slug, new Loaded(text, null));
  }

  /** Forgets a deleted provider and drops its tools. */
  public void deleted(String slug) {
    loaded.remove(slug);
    tools.remove(slug);
  }

  /** Drops the tools of providers no longer stored (deleted by another process). */
  public void keepOnly(Set<String> slugs) {
    for (String slug : List.copyOf(loaded.keySet())) {
      if (!slugs.contains(slug)) {
        deleted(slug);
      }
    }
  }

  /** Why the provider's stored document could not be imported, if it could not. */
  public Optional<String> loadError(String slug) {
    return Optional.ofNullable(loaded.get(slug)).map(Loaded::loadError);
  }

  private void put(String slug, String text, String loadError, List<Tool> list) {
    tools.replace(slug, list);
    loaded.put(slug, new Loaded(text, loadError));
  }
}
