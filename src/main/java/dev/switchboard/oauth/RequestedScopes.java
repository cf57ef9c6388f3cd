package dev.switchboard.oauth;

import dev.switchboard.bundle.Bundle;
import dev.switchboard.bundle.Bundles;
import dev.switchboard.bundle.Publication;
import dev.switchboard.credential.Credential;
import dev.switchboard.provider.AuthMethodType;
import dev.switchboard.provider.OAuth2Method;
import dev.switchboard.provider.Provider;
import dev.switchboard.tool.Tool;
import dev.switchboard.tool.ToolCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OAuth scopes Switchboard asks a provider for on a user's behalf: the provider's defaults plus
 * what the tools of every bundle the user owns (unless archived) or enabled (while still available
 * to them) need from that provider. The same set is shown on the provider page, requested when
 * connecting or re-authorizing, and compared with what the provider granted: a grant lacking some of
 * it is partial ({@link #missing}).
 */
public final class RequestedScopes {
  private final Bundles bundles;
  private final ToolCatalog tools;

  public RequestedScopes(Bundles bundles, ToolCatalog tools) {
    this.bundles = bundles;
    this.tools = tools;
  }

  /** The scopes asked for when the user connects {@code provider}; empty when it has no OAuth. */
  public Set<String> of(String userId, Provider provider) {
    Set<String> scopes = new TreeSet<>();
    provider.oauth2().ifPresent(m -> scopes.addAll(m.defaultScopes()));
    scopes.addAll(neededByBundles(userId, provider.slug()));
    return scopes;
  }

  /**
   * The requested scopes an OAuth credential was not granted (sorted; empty when its grant is
   * complete or it is not an OAuth credential).
   */
  public Set<String> missing(String userId, Provider provider, Credential credential) {
    if (credential.authMethod() != AuthMethodType.OAUTH2) {
      return Set.of();
    }
    Set<String> missing = of(userId, provider);
    missing.removeAll(credential.grantedScopes());
    return missing;
  }

  private Set<String> neededByBundles(String userId, String provider) {
    List<Bundle> counted = new ArrayList<>(bundles.availableEnabled(userId));
    for (Bundle b : bundles.list(userId)) {
      // an owner uses their bundle over MCP without enabling it; an archived one needs nothing
      if (b.ownedBy(userId) && b.publication() != Publication.ARCHIVED) {
        counted.add(b);
      }
    }
    Set<String> needed = new TreeSet<>();
    for (Bundle b : counted) {
      for (String name : b.tools()) {
        tools.find(name).filter(t -> t.provider().equals(provider)).map(Tool::requiredScopes)
            .ifPresent(needed::addAll);
      }
    }
    return needed;
  }
}
