package dev.switchboard.provider;

/**
 * The ways a credential can authenticate against a provider; the constant name is the wire value.
 * {@code CLIENT_CREDENTIALS} and {@code JWT_GRANT} get their token from the provider's token endpoint at call
 * time (RFC 6749 §4.4, RFC 7523) from fields the user filled in, like an API key.
 */
public enum AuthMethodType {
    OAUTH2,
    API_KEY,
    BEARER,
    NONE,
    CLIENT_CREDENTIALS,
    JWT_GRANT,
    AWS_SIGV4
}
