package dev.switchboard.credential;

import java.util.Optional;

/**
 * Runs before a credential is erased (to revoke an OAuth token at the provider, reading the secrets
 * it needs itself). Answers a problem to record, or empty; the erase happens either way.
 */
@FunctionalInterface
public interface CredentialEraseHook {
  Optional<String> beforeErase(Credential credential);

  CredentialEraseHook NONE = credential -> Optional.empty();
}
