package dev.switchboard.oauth.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads who an ID token names. The token came straight from the token endpoint over the guarded
 * connection, so its signature need not be checked to learn the account (OpenID Connect Core
 * §3.1.3.7 allows TLS server validation instead); it is never used to authenticate anyone.
 */
public final class IdTokens {
  private IdTokens() {}

  public static Optional<String> account(JsonMapper json, String idToken) {
    try {
      String[] parts = idToken.split("\\.");
      JsonNode claims = json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      return account(claims);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The e-mail, else the preferred user name, else the login, else the subject. */
  public static Optional<String> account(JsonNode claims) {
    for (String field : new String[] {"email", "preferred_username", "login", "name", "sub"}) {
      JsonNode v = claims.path(field);
      if (v.isString() && !v.asString().isBlank()) {
        return Optional.of(v.asString());
      }
    }
    return Optional.empty();
  }
}
