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
 * tools an import made are stored as JSON, and the catalog reads a provider's back only when one of
 * them is needed; a refresh reads a few bytes a row and changes nothing for a row that did not
 * change. A row stored before tools were kept (or in an older format) is imported once, within the
 * document limits, and the result stored; a document that cannot be imported (a "billion laughs"
 * stored before the limits, say) leaves the provider without tools and its reason stored, so that it
 * is never parsed again and start-up goes on. Thread safe.
 */
public final class StoredProviders {
  private static final Logger LOG = LoggerFactory.getLogger(StoredProviders.class);

  /** What a row looked like when its tools were put into the catalog. */
  private record Seen(long updatedAt, boolean hasTools, String loadError) {}

  private final ProviderRows rows;
  private final ToolCatalog tools;
  private final Map<String, Seen> seen = new ConcurrentHashMap<>();

  public StoredProviders(ProviderRows rows, ToolCatalog tools) {
    this.rows = rows;
    this.tools = tools;
  }

  /** Brings one stored provider's tools into the catalog (to be read when needed), when they changed. */
  public void load(ProviderRows.Stored stored) {
    String slug = stored.slug();
    if (new Seen(stored.updatedAt(), stored.hasTools(), stored.loadError()).equals(seen.get(slug))) {
      return; // unchanged since the last refresh: nothing read, nothing parsed
    }
    if (stored.loadError() != null || !stored.hasDocument()) {
      tools.replace(slug, List.of());
      seen.put(slug, new Seen(stored.updatedAt(), stored.hasTools(), stored.loadError()));
      return;
    }
    if (StoredTools.isCurrent(stored.toolsHead())) {
      tools.replace(slug, new Kept(slug, stored.toolsLength()));
      seen.put(slug, new Seen(stored.updatedAt(), true, null));
      return;
    }
    importOnce(slug, stored.updatedAt());
  }

  private void importOnce(String slug, long updatedAt) {
    String document = rows.document(slug);
    try {
      ImportReport report = OpenApiImport.importDocument(slug, document);
      String text = StoredTools.write(report.tools());
      rows.keepImport(slug, text, null);
      tools.replace(slug, new Kept(slug, text.length()));
      seen.put(slug, new Seen(updatedAt, true, null));
    } catch (SwitchboardException e) {
      // the message names the limit or the parser's complaint, never the document's text
      failed(slug, updatedAt, e.code(), e.getMessage());
    } catch (RuntimeException e) {
      failed(slug, updatedAt, e.getClass().getSimpleName(), "the import failed (" + e.getClass().getSimpleName() + ")");
    } catch (StackOverflowError e) {
      // the stack is unwound by now; one document must not stop start-up. OutOfMemoryError is not
      // caught: the document limits prevent it (docs/security/documents.md) and a heap that ran out
      // may have failed anywhere, so the process is better restarted than carried on
      failed(slug, updatedAt, "StackOverflowError", "the import failed (it nests too deeply for the stack)");
    }
  }

  private void failed(String slug, long updatedAt, String code, String reason) {
    LOG.warn("the stored OpenAPI document of provider {} cannot be imported ({}); it has no tools: {}",
        slug, code, reason);
    rows.keepImport(slug, null, reason);
    tools.replace(slug, List.of());
    seen.put(slug, new Seen(updatedAt, false, reason));
  }

  /**
   * Records what an import in this process stored (its time, and the length of its tools' text, or
   * -1 for a provider without a document), so that the next refresh does not take it for a change.
   */
  public void imported(String slug, long updatedAt, long toolsLength) {
    tools.replace(slug, toolsLength < 0 ? ToolCatalog.Supply.of(List.of()) : new Kept(slug, toolsLength));
    seen.put(slug, new Seen(updatedAt, toolsLength >= 0, null));
  }

  /** Forgets a deleted provider and drops its tools. */
  public void deleted(String slug) {
    seen.remove(slug);
    tools.remove(slug);
  }

  /** Drops the tools of providers no longer stored (deleted by another process). */
  public void keepOnly(Set<String> slugs) {
    for (String slug : List.copyOf(seen.keySet())) {
      if (!slugs.contains(slug)) {
        deleted(slug);
      }
    }
  }

  /** Why the provider's stored document could not be imported, if it could not. */
  public Optional<String> loadError(String slug) {
    return Optional.ofNullable(seen.get(slug)).map(Seen::loadError);
  }

  /** The tools an import stored for a provider, read back from its row when the catalog needs them. */
  private final class Kept implements ToolCatalog.Supply {
    private final String slug;
    private final long length;

    Kept(String slug, long length) {
      this.slug = slug;
      this.length = length;
    }

    @Override
    public List<Tool> load() {
      String text = rows.tools(slug);
      Optional<List<Tool>> read = text == null ? Optional.empty() : StoredTools.read(text);
      if (read.isEmpty()) {
        // changed under us (another process re-imported or deleted it): the next refresh sees the row
        LOG.warn("the stored tools of provider {} could not be read back; it has none until the next refresh", slug);
      }
      return read.orElse(List.of());
    }

    @Override
    public long weight() {
      return Math.max(1, length);
    }
  }
}
