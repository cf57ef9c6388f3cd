package dev.switchboard.provider;

import dev.switchboard.error.ErrorKind;

/**
 * A catalog resource is missing, unreadable, not valid JSON, or breaks the provider schema or the model's rules.
 * The message names the resource and the JSON path of the problem, e.g.
 * {@code catalog/providers/github.json: $.authMethods[0].in: ...}. Code {@code catalog_invalid}; a startup error.
 */
public final class CatalogLoadException extends ProviderException {

    public CatalogLoadException(String message) {
        super(ErrorKind.INTERNAL, "catalog_invalid", message);
    }

    public CatalogLoadException(String message, Throwable cause) {
        super(ErrorKind.INTERNAL, "catalog_invalid", message, cause);
    }
}
