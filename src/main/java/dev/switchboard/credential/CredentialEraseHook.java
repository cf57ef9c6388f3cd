package dev.switchboard.credential;

import dev.switchboard.vault.SecretFields;
import java.util.Optional;

/**
 * Runs before a credential is erased, with its decrypted fields (to revoke an OAuth token at the
 * provider). Answers a problem to record, or empty; the erase happens either way.
 */
@FunctionalInterface
public interface CredentialEraseHook {
  Optional<String> beforeErase(Credential credential, SecretFields secrets);

  CredentialEraseHook NONE = (credential, secrets) -> Optional.empty();
}
