package dev.switchboard.provider;

/**
 * How Switchboard presents the installation's OAuth client id and secret to a provider's token and revocation
 * endpoints (RFC 6749 §2.3.1): HTTP Basic, or {@code client_id}/{@code client_secret} form parameters.
 */
public enum ClientAuthentication {
    CLIENT_SECRET_BASIC,
    CLIENT_SECRET_POST
}
