package dev.switchboard.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which features of its remote MCP providers, besides tools, a bundle offers (docs/mcp.md,
 * "Resources, prompts, completions and logging"). Completions are not chosen on their own: they
 * are offered for the prompts and the resources the bundle offers.
 */
public record BundleFeatures(boolean resources, boolean prompts, boolean logging) {
  /** Every feature: what a bundle offers unless its owner chooses otherwise. */
  public static final BundleFeatures ALL = new BundleFeatures(true, true, true);
  /** No feature: what a bundle that cannot be used offers. */
  public static final BundleFeatures NONE = new BundleFeatures(false, false, false);

  /** Whether {@code completion/complete} is offered: for the prompts or resources offered. */
  public boolean completions() {
    return resources || prompts;
  }

  /** The stored form: the names of the offered features, space separated ({@code ""} for none). */
  public String column() {
    List<String> names = new ArrayList<>();
    if (resources) {
      names.add("resources");
    }
    if (prompts) {
      names.add("prompts");
    }
    if (logging) {
      names.add("logging");
    }
    return String.join(" ", names);
  }

  /** Reads {@link #column()}. */
  public static BundleFeatures ofColumn(String column) {
    Set<String> names = Set.of(column == null || column.isBlank() ? new String[0] : column.trim().split(" +"));
    return new BundleFeatures(names.contains("resources"), names.contains("prompts"), names.contains("logging"));
  }
}
