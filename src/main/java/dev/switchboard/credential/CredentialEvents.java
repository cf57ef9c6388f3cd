package dev.switchboard.credential;

/**
 * Told after a change to a user's credentials has been committed (created, verified, failed,
 * disabled, enabled, deleted, made current, expired), so that other features can react: MCP
 * streams send {@code list_changed}, bundles recompute readiness. Implementations must be quick
 * and must not throw.
 */
@FunctionalInterface
public interface CredentialEvents {
  void changed(String userId, String credentialId);

  /** Does nothing. */
  CredentialEvents NONE = (userId, credentialId) -> { };
}
