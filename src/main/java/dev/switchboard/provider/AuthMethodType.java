package dev.switchboard.provider;

/** The four ways a credential can authenticate against a provider; the constant name is the wire value. */
public enum AuthMethodType {
    OAUTH2,
    API_KEY,
    BEARER,
    NONE
}
