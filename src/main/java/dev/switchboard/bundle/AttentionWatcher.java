package dev.switchboard.bundle;

import dev.switchboard.audit.Notifications;
import dev.switchboard.bundle.internal.BundleRows;
import dev.switchboard.credential.Credentials;
import dev.switchboard.credential.UserAccess;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises "Bundle needs attention" when a bundle a user enabled leaves Operational for them
 * (DESIGN.md §6), once per fall: the status last seen is kept with the enablement.
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
      // bundles their owner archived or withdrew are skipped: they no longer serve this user
      for (Bundle bundle : bundles.availableEnabled(userId)) {
        BundleView view = bundles.view(userId, bundle, access);
        ReadinessStatus now = ReadinessCalculator.status(view);
        String before = last.get(bundle.id());
        if (ReadinessStatus.OPERATIONAL.name().equals(before) && now != ReadinessStatus.OPERATIONAL) {
          raise(userId, bundle, view, now);
        }
        if (!now.name().equals(before)) {
          rows.jdbi().useHandle(h -> rows.setLastStatus(h, bundle.id(), userId, now.name()));
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("could not recompute bundle readiness: {}", e.getClass().getSimpleName());
    }
  }

  private void raise(String userId, Bundle bundle, BundleView view, ReadinessStatus now) {
    ResolvedTool first = view.tools().stream().filter(t -> !t.availability().available())
        .findFirst().orElse(null);
    String fix = first == null ? "Open the bundle to see which tools are not ready." : first.availability().fix();
    notifications.raise(userId, "BUNDLE_NEEDS_ATTENTION", "Bundle needs attention: " + bundle.name(),
        "The bundle " + bundle.name() + " is now " + ReadinessCalculator.label(now) + ": "
            + (view.tools().size() - view.available().size()) + " of " + view.tools().size()
            + " tools are not ready.", fix, "/bundles/" + bundle.slug());
  }
}
