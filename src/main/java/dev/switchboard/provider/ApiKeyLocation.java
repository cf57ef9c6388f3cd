package dev.switchboard.provider;

/**
 * Where an API key goes on an upstream request (wire name {@code "in"}).
 * {@code HEADER}: header {@code name} with value {@code prefix + key}. {@code QUERY}: query parameter {@code name}.
 * {@code BASIC}: {@code Authorization: Basic base64(username ":" key)}, the username taken from the credential
 * field named by {@link ApiKeyMethod#usernameField()} (Jira Cloud: e-mail address plus API token).
 * {@code COOKIE}: cookie {@code name} (OpenAPI {@code apiKey} schemes {@code in: cookie}).
 */
public enum ApiKeyLocation {
    HEADER,
    QUERY,
    BASIC,
    COOKIE
}
