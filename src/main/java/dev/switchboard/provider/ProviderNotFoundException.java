package dev.switchboard.provider;

import dev.switchboard.error.ErrorKind;

/** No provider with the given slug is in the catalog. Code {@code provider_not_found}; answers 404 at the edge. */
public final class ProviderNotFoundException extends ProviderException {

    private final String slug;

    public ProviderNotFoundException(String slug) {
        super(ErrorKind.NOT_FOUND, "provider_not_found", "no provider with slug '" + slug + "'");
        this.slug = slug;
    }

    /** The slug that was asked for, as given. */
    public String slug() {
        return slug;
    }
}
