package dev.switchboard.bundle;

import dev.switchboard.audit.Notifications;
import dev.switchboard.bundle.internal.BundleRows;
import dev.switchboard.credential.Credentials;
import dev.switchboard.credential.UserAccess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises "Bundle needs attention" when a bundle a user enabled or owns leaves Operational for them
 * (DESIGN.md §6, docs/credentials.md), once per fall; when it is Operational again the notification
 * is marked resolved and "Bundle operational again" says so. The status last seen is kept per user
 * and bundle.
 */
public final class AttentionWatcher {
  private static final Logger LOG = LoggerFactory.getLogger(AttentionWatcher.class);
  private final Bundles bundles;
  private final BundleRows rows;
  private final Credentials credentials;
  private final Notifications notifications;

  public AttentionWatcher(Bundles bundles, BundleRows rows, Credentials credentials,
      Notifications notifications) {
    this.bundles = bundles;
    this.rows = rows;
    this.credentials = credentials;
    this.notifications = notifications;
  }

  /** Recomputes the readiness of the user's enabled bundles and notifies those that fell. */
  public void check(String userId) {
    try {
      UserAccess access = credentials.access(userId);
      Map<String, String> last = rows.jdbi().withHandle(h -> rows.lastStatuses(h, userId));
      for (Bundle bundle : watched(userId)) {
        BundleView view = bundles.view(userId, bundle, access);
        ReadinessStatus now = ReadinessCalculator.status(view);
        String before = last.get(bundle.id());
        if (ReadinessStatus.OPERATIONAL.name().equals(before) && now != ReadinessStatus.OPERATIONAL) {
          raise(userId, bundle, view, now);
        } else if (before != null && !ReadinessStatus.OPERATIONAL.name().equals(before)
            && now == ReadinessStatus.OPERATIONAL && notifications.resolve(userId, subject(bundle)) > 0) {
          notifications.raise(userId, "BUNDLE_OPERATIONAL", "Bundle operational again: " + bundle.name(),
              "All " + view.tools().size() + " tools of " + bundle.name() + " are ready again.", "",
              "/bundles/" + bundle.slug());
        }
        if (!now.name().equals(before)) {
          rows.jdbi().useHandle(h -> rows.setLastStatus(h, bundle.id(), userId, now.name()));
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("could not recompute bundle readiness: {}", e.getClass().getSimpleName());
    }
  }

  /**
   * The bundles that serve the user: those they enabled and may still use, and those they own and
   * have not archived (an owner uses their own bundle over MCP without enabling it).
   */
  private List<Bundle> watched(String userId) {
    Map<String, Bundle> byId = new LinkedHashMap<>();
    bundles.availableEnabled(userId).forEach(b -> byId.put(b.id(), b));
    bundles.list(userId).stream().filter(b -> b.ownedBy(userId) && b.publication() != Publication.ARCHIVED)
        .forEach(b -> byId.putIfAbsent(b.id(), b));
    return List.copyOf(byId.values());
  }

  private static String subject(Bundle bundle) {
    return "bundle:" + bundle.id();
  }

  private void raise(String userId, Bundle bundle, BundleView view, ReadinessStatus now) {
    ResolvedTool first = view.tools().stream().filter(t -> !t.availability().available())
        .findFirst().orElse(null);
    String fix = first == null ? "Open the bundle to see which tools are not ready." : first.availability().fix();
    notifications.raise(userId, "BUNDLE_NEEDS_ATTENTION", "Bundle needs attention: " + bundle.name(),
        "The bundle " + bundle.name() + " is now " + ReadinessCalculator.label(now) + ": "
            + (view.tools().size() - view.available().size()) + " of " + view.tools().size()
            + " tools are not ready.", fix, "/bundles/" + bundle.slug(), subject(bundle));
  }
}
