package dev.switchboard.upstream.internal;

import dev.switchboard.provider.AuthMethod;
import dev.switchboard.tool.HttpOperation;
import dev.switchboard.vault.SecretFields;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of a recipe's credential parameters (Slack's {@code token}): the credential's field of
 * the same name when it has one, else the auth method's main secret ({@code api_key}, {@code token},
 * or the OAuth {@code access_token}; a token the gateway gets itself is never stored, so grants have
 * none). A parameter with no value is left out.
 */
final class CredentialValues {
  private CredentialValues() {}

  /** Wire name to value, in recipe order. */
  static Map<HttpOperation.CredentialParameter, String> of(HttpOperation op, AuthMethod method,
      SecretFields secrets) {
    Map<HttpOperation.CredentialParameter, String> values = new LinkedHashMap<>();
    for (HttpOperation.CredentialParameter parameter : op.credentialParameters()) {
      secrets.get(parameter.wireName()).or(() -> secrets.get(mainSecret(method)))
          .ifPresent(value -> values.put(parameter, value));
    }
    return values;
  }

  private static String mainSecret(AuthMethod method) {
    return switch (method.type()) {
      case API_KEY -> "api_key";
      case BEARER -> "token";
      case OAUTH2 -> "access_token";
      // a signing key is never sent, so it is never a parameter's value
      case NONE, CLIENT_CREDENTIALS, JWT_GRANT, AWS_SIGV4 -> "";
    };
  }
}
