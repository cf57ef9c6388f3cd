package dev.switchboard.bundle;

import java.util.List;
import java.util.Locale;

/** Derives a bundle's readiness from its resolved tools. */
final class ReadinessCalculator {
  private ReadinessCalculator() {}

  static Readiness of(BundleView view, boolean counted) {
    List<Readiness.ToolReadiness> lines = view.tools().stream().map(t -> new Readiness.ToolReadiness(
        t.tool().name(), t.tool().provider(), t.availability().available(),
        t.availability().reason().map(r -> r.name()), t.availability().fix(),
        t.availability().missingScopes(), "/providers/" + t.tool().provider())).toList();
    return new Readiness(counted ? status(view) : ReadinessStatus.UNKNOWN, lines);
  }

  static ReadinessStatus status(BundleView view) {
    long available = view.available().size();
    if (!view.tools().isEmpty() && available == view.tools().size()) {
      return ReadinessStatus.OPERATIONAL;
    }
    return available == 0 ? ReadinessStatus.BLOCKED : ReadinessStatus.PARTIAL;
  }

  static String label(ReadinessStatus status) {
    return status.name().charAt(0) + status.name().substring(1).toLowerCase(Locale.ROOT);
  }
}
