package dev.switchboard.upstream.internal;

import dev.switchboard.provider.ApiKeyLocation;
import dev.switchboard.provider.ApiKeyMethod;
import dev.switchboard.provider.AuthMethod;
import dev.switchboard.vault.SecretFields;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * API key: in a header (with an optional prefix such as {@code Bearer }), in a query parameter, or
 * as the password of HTTP Basic with another field as the user name (Jira Cloud: email + token), or
 * in a cookie; then each further key of the method ({@code also}) from its own field.
 */
final class ApiKeyInjection implements AuthInjection {
  @Override
  public void apply(AuthMethod method, SecretFields secrets, OutgoingRequest request) {
    ApiKeyMethod apiKey = (ApiKeyMethod) method;
    String key = secrets.get("api_key").orElse("");
    switch (apiKey.in()) {
      case HEADER, QUERY, COOKIE -> place(request, apiKey.in(), apiKey.name(), apiKey.prefix() + key);
      case BASIC -> {
        String user = secrets.get(apiKey.usernameField()).orElse("");
        String pair = user + ":" + key;
        request.header("Authorization",
            "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
      }
    }
    for (ApiKeyMethod.Also also : apiKey.also()) {
      place(request, also.in(), also.name(), also.prefix() + secrets.get(also.field()).orElse(""));
    }
  }

  private static void place(OutgoingRequest request, ApiKeyLocation in, String name, String value) {
    switch (in) {
      case HEADER -> request.header(name, value);
      case QUERY -> request.query(name, value);
      case COOKIE -> request.header("Cookie", name + "=" + value);
      case BASIC -> throw new IllegalArgumentException("BASIC is not a placement of one value");
    }
  }
}
