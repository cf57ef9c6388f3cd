package dev.switchboard.mcp.internal;

import dev.switchboard.store.ShortLived;
import dev.switchboard.tool.Tool;
import java.time.Duration;
import java.util.List;

/**
 * Keeps the {@link ToolIndex} of each tool list searched lately, so that a list is indexed once
 * and not on every query or every rebuilt surface: callers with the same tools share one index.
 * A list is known by its tools' names in order; {@link #forget} (called with
 * {@link SurfaceFactory#forget}, on every catalog, bundle or credential change) drops them all, so
 * a re-imported tool is indexed anew. At most {@value #MOST} lists, each for {@value #KEEP_MINUTES}
 * minutes. Thread-safe.
 */
public final class ToolIndexes {
  static final int MOST = 200;
  static final long KEEP_MINUTES = 10;
  private final ShortLived<String, ToolIndex> kept = new ShortLived<>(Duration.ofMinutes(KEEP_MINUTES), MOST);

  /** The index of {@code tools}, built now unless a list of the same names was indexed lately. */
  ToolIndex of(List<Tool> tools) {
    StringBuilder key = new StringBuilder(tools.size() * 32);
    tools.forEach(t -> key.append(t.name()).append('\n'));
    return kept.get(key.toString(), k -> ToolIndex.of(tools));
  }

  void forget() {
    kept.clear();
  }
}
