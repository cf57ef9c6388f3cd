package dev.switchboard.mcp.internal;

import dev.switchboard.account.Principal;
import dev.switchboard.bundle.Bundle;
import dev.switchboard.bundle.BundleMode;
import dev.switchboard.bundle.BundleView;
import dev.switchboard.bundle.Bundles;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.mcp.McpError;
import dev.switchboard.mcp.McpTarget;
import dev.switchboard.store.ShortLived;
import dev.switchboard.tool.SchemaBounds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the tool surface of an endpoint for a caller, from their bundles and credentials, and
 * keeps it for up to {@value #KEEP_MILLIS} ms so that a tool call does not read the bundle and
 * every credential of its caller again. {@link #forget} drops everything kept: the composition root
 * calls it on every bundle, credential or catalog change of this instance and on every change
 * another instance announces, so a change shows at once here; what no announcement covers shows
 * within the keeping time. The secret itself is never kept: each call reads it. Thread safe.
 */
public final class SurfaceFactory {
  static final long KEEP_MILLIS = 1_000;
  private final Bundles bundles;
  private final ToolRunner runner;
  private final JsonMapper json;
  private final WrittenDefinitions written;
  private final ShortLived<String, ToolSurface> kept = new ShortLived<>(Duration.ofMillis(KEEP_MILLIS), 10_000);
  private final ToolIndexes indexes = new ToolIndexes();

  public SurfaceFactory(Bundles bundles, ToolRunner runner, JsonMapper json, SchemaBounds bounds) {
    this.bundles = bundles;
    this.runner = runner;
    this.json = json;
    this.written = new WrittenDefinitions(json, bounds);
  }

  /** Drops every kept surface: something they were built from changed. */
  public void forget() {
    kept.clear();
    indexes.forget();
  }

  public ToolSurface build(Principal caller, McpTarget target) {
    return kept.get(caller.userId() + "\n" + target.key(), key -> fresh(caller, target));
  }

  private ToolSurface fresh(Principal caller, McpTarget target) {
    String userId = caller.userId();
    if (target instanceof McpTarget.Bundle b) {
      Bundle bundle;
      try {
        bundle = bundles.get(userId, b.slug());
      } catch (SwitchboardException e) {
        throw new McpError(McpError.INVALID_REQUEST, "no bundle '" + b.slug() + "' for you", 404);
      }
      if (!bundles.usable(userId, bundle)) {
        throw new McpError(McpError.INVALID_REQUEST, "enable the bundle '" + b.slug()
            + "' in the dashboard (Bundles) before using it", 403);
      }
      BundleView view = bundles.view(userId, bundle);
      return bundle.mode() == BundleMode.DIRECT
          ? new DirectSurface(view, runner, json, userId, written)
          : new MetaSurface(List.of(view), false, runner, json, userId, indexes);
    }
    List<BundleView> views = new ArrayList<>();
    // enablements of bundles their owner archived or withdrew are skipped (the dashboard shows them)
    for (Bundle bundle : bundles.availableEnabled(userId)) {
      views.add(bundles.view(userId, bundle));
    }
    return new MetaSurface(views, true, runner, json, userId, indexes);
  }
}
