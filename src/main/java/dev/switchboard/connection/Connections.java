package dev.switchboard.connection;

import dev.switchboard.bundle.Bundle;
import dev.switchboard.bundle.BundleView;
import dev.switchboard.bundle.Bundles;
import dev.switchboard.bundle.ResolvedTool;
import dev.switchboard.credential.Credential;
import dev.switchboard.credential.CredentialFilter;
import dev.switchboard.credential.Credentials;
import dev.switchboard.oauth.RequestedScopes;
import dev.switchboard.provider.AuthMethodType;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.store.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Connections & Profiles, one view for the dashboard and the REST API: the person's profiles
 * (credentials), each with the connections that use it. A bundle uses a profile when one of its
 * tools resolves to that credential for the person (their binding, else their current credential),
 * exactly as {@link Bundles#view} resolves it for MCP calls; only bundles the person owns or enabled
 * count. Revoking a profile erases its credential (after revoking an OAuth token at the provider)
 * and answers the bundles that lost the connection.
 */
public final class Connections {
  private static final int MAX_PROFILES = 200;
  private static final CredentialFilter ALL = new CredentialFilter(Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty());
  private final Credentials credentials;
  private final Bundles bundles;
  private final ProviderRegistry catalog;
  private final RequestedScopes scopes;

  public Connections(Credentials credentials, Bundles bundles, ProviderRegistry catalog, RequestedScopes scopes) {
    this.credentials = credentials;
    this.bundles = bundles;
    this.catalog = catalog;
    this.scopes = scopes;
  }

  /** Every profile of the person, newest first, with its connections. */
  public List<Profile> list(String userId) {
    Map<String, List<Connection>> usage = usage(userId);
    List<Profile> out = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      Page<Credential> page = credentials.list(userId, ALL, cursor, MAX_PROFILES);
      page.items().forEach(c -> out.add(profile(userId, c, usage)));
      cursor = page.next();
    } while (cursor.isPresent());
    return out;
  }

  /** One profile; another person's or a missing one is not found. */
  public Profile get(String userId, String id) {
    return profile(userId, credentials.get(userId, id), usage(userId));
  }

  /** Revokes a profile: its credential is erased and every connection using it ends. */
  public Revocation revoke(String userId, String id) {
    Profile before = get(userId, id);
    credentials.delete(userId, id);
    List<Connection> affected = before.connections().stream().map(c -> new Connection(c.bundleSlug(),
        c.bundleName(), bundles.readiness(userId, c.bundleSlug()).status())).toList();
    return new Revocation(before, affected);
  }

  private Profile profile(String userId, Credential c, Map<String, List<Connection>> usage) {
    Optional<Provider> p = catalog.find(c.provider());
    String providerName = p.map(Provider::name).orElse(c.provider());
    Set<String> missing = p.map(provider -> scopes.missing(userId, provider, c)).orElse(Set.of());
    return new Profile(c.id(), c.label(), c.provider(), providerName, c.authMethod(),
        providerName + " — " + method(c.authMethod()), c.account().orElse("Configured"), ConnectionStatus.of(c),
        c.current(), missing, usage.getOrDefault(c.id(), List.of()));
  }

  /** Credential id → the connections (bundles owned or enabled) whose tools run with it. */
  private Map<String, List<Connection>> usage(String userId) {
    Map<String, List<Connection>> out = new LinkedHashMap<>();
    List<String> enabled = bundles.enabledSlugs(userId);
    for (Bundle b : bundles.list(userId)) {
      if (!b.ownedBy(userId) && !enabled.contains(b.slug())) {
        continue;
      }
      BundleView view = bundles.view(userId, b.slug());
      List<String> ids = view.tools().stream().map(ResolvedTool::credential).flatMap(Optional::stream)
          .map(Credential::id).distinct().toList();
      if (ids.isEmpty()) {
        continue;
      }
      Connection used = new Connection(b.slug(), b.name(), bundles.readiness(userId, b.slug()).status());
      ids.forEach(id -> out.computeIfAbsent(id, k -> new ArrayList<>()).add(used));
    }
    return out;
  }

  /** How the seed names a service's authentication. */
  public static String method(AuthMethodType type) {
    return switch (type) {
      case API_KEY -> "API key";
      case BEARER -> "Bearer token";
      case OAUTH2 -> "OAuth 2.0";
      case NONE -> "No authentication";
      case CLIENT_CREDENTIALS -> "OAuth 2.0 client credentials";
      case JWT_GRANT -> "Service account key";
      case AWS_SIGV4 -> "AWS access key";
    };
  }
}
