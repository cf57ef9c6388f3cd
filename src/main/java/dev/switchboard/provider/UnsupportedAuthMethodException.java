package dev.switchboard.provider;

import dev.switchboard.error.ErrorKind;

/**
 * The provider does not offer the requested auth method. Code {@code auth_method_not_supported}; a request error
 * (400) at the edge.
 */
public final class UnsupportedAuthMethodException extends ProviderException {

    public UnsupportedAuthMethodException(String slug, AuthMethodType type) {
        super(ErrorKind.INVALID_REQUEST, "auth_method_not_supported", "provider '" + slug + "' does not support auth method " + type);
    }
}
