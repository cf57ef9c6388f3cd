package dev.switchboard.web.pages;

import dev.switchboard.bundle.Bundle;
import dev.switchboard.bundle.BundleFeatures;
import dev.switchboard.bundle.BundleMode;
import dev.switchboard.bundle.Bundles;
import dev.switchboard.bundle.Publication;
import dev.switchboard.bundle.Readiness;
import dev.switchboard.bundle.ReadinessStatus;
import dev.switchboard.credential.Availability;
import dev.switchboard.credential.Credential;
import dev.switchboard.credential.CredentialFilter;
import dev.switchboard.credential.CredentialStatus;
import dev.switchboard.credential.Credentials;
import dev.switchboard.credential.UserAccess;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.tool.Tool;
import dev.switchboard.tool.ToolCatalog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds one bundle's page for one person from the bundle services, their credentials and the tools. */
final class BundlePageBuilder {
  private static final int CHOICES = 30;
  private final Bundles bundles;
  private final Credentials credentials;
  private final ToolCatalog tools;
  private final ProviderRegistry catalog;
  private final ClientConfigs configs;
  private final String baseUrl;

  BundlePageBuilder(Bundles bundles, Credentials credentials, ToolCatalog tools, ProviderRegistry catalog,
      ClientConfigs configs, String baseUrl) {
    this.bundles = bundles;
    this.credentials = credentials;
    this.tools = tools;
    this.catalog = catalog;
    this.configs = configs;
    this.baseUrl = baseUrl;
  }

  BundlePage build(String userId, String slug, String query, String error) {
    Bundle b = bundles.get(userId, slug);
    Readiness readiness = bundles.readiness(userId, slug);
    boolean owner = b.ownedBy(userId);
    boolean enabled = bundles.enabledSlugs(userId).contains(slug);
    List<ToolLine> lines = readiness.tools().stream().map(t -> new ToolLine(t.name(),
        tools.find(t.name()).map(Tool::title).orElse(t.name()), providerName(t.provider()),
        Badge.available(t.available()), t.reason().map(Text::word).orElse(null),
        t.available() ? null : t.fix(), t.link())).toList();
    String url = baseUrl + "/mcp/bundle/" + b.slug();
    List<ToolChoice> choices = new ArrayList<>();
    int more = 0;
    if (owner) {
      UserAccess access = credentials.access(userId);
      String q = query.toLowerCase(Locale.ROOT);
      for (Tool t : tools.all()) {
        if (b.tools().contains(t.name()) || !matches(t, q)) {
          continue;
        }
        if (choices.size() == CHOICES) {
          more++;
          continue;
        }
        Availability a = access.of(t);
        choices.add(new ToolChoice(t.name(), t.title(), providerName(t.provider()), t.description(),
            a.available() ? Badge.available(true)
                : new Badge("🔴", a.reason().map(r -> Text.word(r.name())).orElse("Not available"), "bad")));
      }
    }
    List<Option> modes = new ArrayList<>();
    for (BundleMode m : BundleMode.values()) {
      modes.add(new Option(m.name(), Text.word(m.name()), m == b.mode()));
    }
    return new BundlePage(b.slug(), b.name(), b.description(), Text.word(b.publication().name()),
        Text.word(b.mode().name()), owner, enabled, url, Badge.of(readiness.status()), note(readiness.status(), owner),
        lines, configs.of(b.slug(), url), query, choices, more, modes,
        owner && b.publication() == Publication.DRAFT,
        b.publication() != Publication.ARCHIVED && (owner || b.publication().shared()),
        bindings(userId, b), features(b.features()), error);
  }

  private static List<FeatureToggle> features(BundleFeatures f) {
    return List.of(
        new FeatureToggle("resources", "Resources", "resources/list, resources/read, subscriptions to updates, "
            + "and completion of resource template arguments", f.resources()),
        new FeatureToggle("prompts", "Prompts", "prompts/list, prompts/get and completion of prompt arguments",
            f.prompts()),
        new FeatureToggle("logging", "Logging", "logging/setLevel and the servers' log messages", f.logging()));
  }

  private List<BindingRow> bindings(String userId, Bundle b) {
    Set<String> providers = new LinkedHashSet<>();
    for (String name : b.tools()) {
      tools.find(name).ifPresent(t -> providers.add(t.provider()));
    }
    Map<String, String> bound = bundles.bindings(userId, b.slug());
    List<BindingRow> rows = new ArrayList<>();
    for (String provider : providers) {
      List<Credential> mine = credentials.list(userId, new CredentialFilter(Optional.of(provider),
          Optional.of(CredentialStatus.ACTIVE), Optional.empty(), Optional.empty()), Optional.empty(), 200).items();
      List<Option> options = new ArrayList<>();
      options.add(new Option("", "Current credential (default)", !bound.containsKey(provider)));
      for (Credential c : mine) {
        options.add(new Option(c.id(), c.label() + " — " + Badge.of(c.verification()).word(),
            c.id().equals(bound.get(provider))));
      }
      rows.add(new BindingRow(provider, providerName(provider), options));
    }
    return rows;
  }

  private String providerName(String slug) {
    return catalog.find(slug).map(Provider::name).orElse(slug);
  }

  private boolean matches(Tool t, String q) {
    if (q.isEmpty()) {
      return true;
    }
    String text = (t.name() + " " + t.title() + " " + t.description() + " " + providerName(t.provider()))
        .toLowerCase(Locale.ROOT);
    for (String term : q.split("\\s+")) {
      if (!text.contains(term)) {
        return false;
      }
    }
    return true;
  }

  private static String note(ReadinessStatus status, boolean owner) {
    return switch (status) {
      case OPERATIONAL -> "Every tool is available to you.";
      case PARTIAL -> "Some tools are not available to you; the list below says why and how to fix each.";
      case BLOCKED -> "No tool is available to you yet; the list below says why and how to fix each.";
      case UNKNOWN -> owner ? "" : "Enable the bundle to use it; readiness is shown once it is enabled.";
    };
  }
}
