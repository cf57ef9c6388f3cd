package dev.switchboard.upstream.internal;

import dev.switchboard.provider.ApiKeyMethod;
import dev.switchboard.provider.AuthMethod;
import dev.switchboard.vault.SecretFields;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * API key: in a header (with an optional prefix such as {@code Bearer }), in a query parameter, or
 * as the password of HTTP Basic with another field as the user name (Jira Cloud: email + token).
 */
final class ApiKeyInjection implements AuthInjection {
  @Override
  public void apply(AuthMethod method, SecretFields secrets, OutgoingRequest request) {
    ApiKeyMethod apiKey = (ApiKeyMethod) method;
    String key = secrets.get("api_key").orElse("");
    switch (apiKey.in()) {
      case HEADER -> request.header(apiKey.name(), (apiKey.prefix() == null ? "" : apiKey.prefix()) + key);
      case QUERY -> request.query(apiKey.name(), key);
      case BASIC -> {
        String user = secrets.get(apiKey.usernameField()).orElse("");
        String pair = user + ":" + key;
        request.header("Authorization",
            "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
      }
    }
  }
}
