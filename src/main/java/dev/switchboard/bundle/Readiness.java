package dev.switchboard.bundle;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A bundle's readiness for one user, with the availability of each tool and its fix. */
public record Readiness(ReadinessStatus status, List<ToolReadiness> tools) {
  public Readiness {
    tools = List.copyOf(tools);
  }

  /**
   * One tool's line.
   *
   * @param reason empty when available; else the {@code Availability.Reason} name
   * @param link the dashboard page where the fix is made
   */
  public record ToolReadiness(String name, String provider, boolean available, Optional<String> reason,
      String fix, Set<String> missingScopes, String link) {}
}
