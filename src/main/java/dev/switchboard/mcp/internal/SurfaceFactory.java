package dev.switchboard.mcp.internal;

import dev.switchboard.account.Principal;
import dev.switchboard.bundle.Bundle;
import dev.switchboard.bundle.BundleMode;
import dev.switchboard.bundle.BundleView;
import dev.switchboard.bundle.Bundles;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.mcp.McpError;
import dev.switchboard.mcp.McpTarget;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** Builds the tool surface of an endpoint for a caller, from their bundles and credentials. */
public final class SurfaceFactory {
  private final Bundles bundles;
  private final ToolRunner runner;
  private final JsonMapper json;

  public SurfaceFactory(Bundles bundles, ToolRunner runner, JsonMapper json) {
    this.bundles = bundles;
    this.runner = runner;
    this.json = json;
  }

  public ToolSurface build(Principal caller, McpTarget target) {
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
          ? new DirectSurface(view, runner, json, userId)
          : new MetaSurface(List.of(view), false, runner, json, userId);
    }
    List<BundleView> views = new ArrayList<>();
    for (String slug : bundles.enabledSlugs(userId)) {
      Bundle bundle = bundles.get(userId, slug);
      if (bundles.usable(userId, bundle)) {
        views.add(bundles.view(userId, bundle));
      }
    }
    return new MetaSurface(views, true, runner, json, userId);
  }
}
