package dev.switchboard.bundle;

import dev.switchboard.credential.RemoteToolDirectory;
import dev.switchboard.error.FieldErrors;
import dev.switchboard.tool.ToolCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks a bundle's fields: slug, name, mode, known tools, the DIRECT limit and the features offered. */
final class BundleRules {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,47}");
  private final ToolCatalog tools;
  private final RemoteToolDirectory remote;

  BundleRules(ToolCatalog tools, RemoteToolDirectory remote) {
    this.tools = tools;
    this.remote = remote;
  }

  Bundle created(String id, String ownerId, BundleChange c, Instant now) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (c.slug() == null || !SLUG.matcher(c.slug()).matches()) {
      problems.put("slug", "must be 2-48 characters of a-z, 0-9 and '-', starting with a letter or digit");
    }
    if (c.name() == null || c.name().isBlank() || c.name().length() > 100) {
      problems.put("name", "must have 1 to 100 characters");
    }
    BundleMode mode = mode(c.mode(), BundleMode.DIRECT, problems);
    List<String> list = edited(c.tools() == null ? List.of() : c.tools(), c, problems);
    BundleFeatures features = features(BundleFeatures.ALL, c.features(), problems);
    check(mode, list, problems);
    return new Bundle(id, c.slug(), ownerId, c.name() == null ? "" : c.name().trim(),
        c.description() == null ? "" : c.description(), c.category(), Publication.DRAFT, mode, list, features,
        now, now);
  }

  Bundle updated(Bundle b, BundleChange c, Instant now) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (c.slug() != null && !c.slug().equals(b.slug())) {
      problems.put("slug", "cannot change; create a new bundle instead");
    }
    if (c.name() != null && (c.name().isBlank() || c.name().length() > 100)) {
      problems.put("name", "must have 1 to 100 characters");
    }
    BundleMode mode = mode(c.mode(), b.mode(), problems);
    List<String> list = edited(c.tools() == null ? b.tools() : c.tools(), c, problems);
    BundleFeatures features = features(b.features(), c.features(), problems);
    check(mode, list, problems);
    return new Bundle(b.id(), b.slug(), b.ownerId(), c.name() == null ? b.name() : c.name().trim(),
        c.description() == null ? b.description() : c.description(),
        c.category() == null ? b.category() : c.category(), b.publication(), mode, list, features,
        b.createdAt(), now);
  }

  private List<String> edited(List<String> base, BundleChange c, Map<String, String> problems) {
    LinkedHashSet<String> result = new LinkedHashSet<>(base);
    if (c.addTools() != null) {
      result.addAll(c.addTools());
    }
    if (c.removeTools() != null) {
      c.removeTools().forEach(result::remove);
    }
    List<String> unknown = new ArrayList<>();
    for (String name : result) {
      if (name == null || tools.find(name).isEmpty() && remote.remoteProviderOf(name).isEmpty()) {
        unknown.add(String.valueOf(name));
      }
    }
    if (!unknown.isEmpty()) {
      problems.put("tools", "unknown tool(s): " + String.join(", ", unknown.subList(0, Math.min(5, unknown.size())))
          + (unknown.size() > 5 ? " and " + (unknown.size() - 5) + " more" : ""));
    }
    return List.copyOf(result);
  }

  /** {@code base} with the features {@code change} names turned on or off. */
  private static BundleFeatures features(BundleFeatures base, FeatureChange change, Map<String, String> problems) {
    if (change == null) {
      return base;
    }
    if (change.completions() != null) {
      problems.put("features.completions", "cannot be chosen on its own: completions are offered for the prompts "
          + "and resources the bundle offers (turn prompts or resources on or off instead)");
    }
    return new BundleFeatures(
        change.resources() == null ? base.resources() : change.resources(),
        change.prompts() == null ? base.prompts() : change.prompts(),
        change.logging() == null ? base.logging() : change.logging());
  }

  private static void check(BundleMode mode, List<String> list, Map<String, String> problems) {
    if (mode == BundleMode.DIRECT && list.size() > BundleMode.DIRECT_LIMIT) {
      problems.put("tools", "a DIRECT bundle holds at most " + BundleMode.DIRECT_LIMIT
          + " tools (this one would hold " + list.size() + "); use mode DYNAMIC");
    }
    if (!problems.isEmpty()) {
      throw new FieldErrors(problems);
    }
  }

  private static BundleMode mode(String raw, BundleMode fallback, Map<String, String> problems) {
    if (raw == null) {
      return fallback;
    }
    try {
      return BundleMode.valueOf(raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.put("mode", "must be DIRECT or DYNAMIC");
      return fallback;
    }
  }
}
