package dev.switchboard.connection;

import dev.switchboard.provider.AuthMethodType;
import java.util.List;
import java.util.Set;

/**
 * A profile (seed "Connections & Profiles"): a named, reusable configuration of a provider's
 * credential — in Switchboard, one credential, named by its label, unique per user and provider.
 *
 * @param service the provider and how it authenticates ("Acme — OAuth 2.0")
 * @param account the OAuth account, else "Configured"
 * @param missingScopes for an OAuth profile whose grant is partial, the requested scopes it lacks
 * @param connections the bundles it serves; empty when none uses it
 */
public record Profile(String id, String name, String provider, String providerName, AuthMethodType authMethod,
    String service, String account, ConnectionStatus status, boolean current, Set<String> missingScopes,
    List<Connection> connections) {

  public Profile {
    missingScopes = Set.copyOf(missingScopes);
    connections = List.copyOf(connections);
  }

  /** Whether the provider granted fewer scopes than were requested. */
  public boolean partialGrant() {
    return !missingScopes.isEmpty();
  }
}
