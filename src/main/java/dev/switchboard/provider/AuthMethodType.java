package dev.switchboard.provider;

/** The ways a credential can authenticate against a provider; the constant name is the wire value. */
public enum AuthMethodType {
    OAUTH2,
    API_KEY,
    BEARER,
    NONE,
    AWS_SIGV4
}
