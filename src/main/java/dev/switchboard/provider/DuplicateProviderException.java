package dev.switchboard.provider;

import dev.switchboard.error.ErrorKind;

/** A provider with this slug is already in the catalog. Code {@code provider_exists}; answers 409 at the edge. */
public final class DuplicateProviderException extends ProviderException {

    public DuplicateProviderException(String slug) {
        super(ErrorKind.CONFLICT, "provider_exists", "a provider with slug '" + slug + "' already exists");
    }
}
