package dev.switchboard.upstream.internal;

import dev.switchboard.provider.AuthMethod;
import dev.switchboard.vault.SecretFields;

/**
 * {@code Authorization: Bearer …} from one secret field: {@code token} for BEARER credentials,
 * {@code access_token} for OAuth2 ones.
 */
final class BearerInjection implements AuthInjection {
  private final String field;

  BearerInjection(String field) {
    this.field = field;
  }

  @Override
  public void apply(AuthMethod method, SecretFields secrets, OutgoingRequest request) {
    request.header("Authorization", "Bearer " + secrets.get(field).orElse(""));
  }
}
