package dev.switchboard.upstream.internal;

import dev.switchboard.provider.AuthMethod;
import dev.switchboard.vault.SecretFields;

/**
 * One way of putting a credential on a request (CONVENTIONS.md §6: one small strategy per auth
 * method). Implementations are stateless and thread safe.
 */
interface AuthInjection {
  void apply(AuthMethod method, SecretFields secrets, OutgoingRequest request);
}
