package dev.switchboard.provider.internal;

import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderNotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies per-installation overrides of the origin of providers' auth endpoints ({@link Provider#withAuthOrigin}),
 * keyed like {@link BaseUrlOverrides}: tests point them at a local authorization server, an installation at a
 * sandbox (Salesforce's {@code https://test.salesforce.com}, PayPal's {@code https://api-m.sandbox.paypal.com}) or
 * a sovereign cloud.
 */
public final class AuthUrlOverrides {

    private AuthUrlOverrides() {
    }

    /**
     * Returns {@code providers} with each override applied, in the same order.
     *
     * @throws ProviderNotFoundException when a key matches no provider
     * @throws IllegalArgumentException when a value is not an http(s) URL or the provider has no auth endpoint
     */
    public static Map<String, Provider> apply(Map<String, Provider> providers, Map<String, String> overrides) {
        Map<String, String> byKey = new LinkedHashMap<>();
        providers.keySet().forEach(slug -> byKey.put(BaseUrlOverrides.environmentKey(slug), slug));
        Map<String, Provider> result = new LinkedHashMap<>(providers);
        overrides.forEach((key, url) -> {
            String slug = byKey.get(BaseUrlOverrides.environmentKey(key.trim()));
            if (slug == null) {
                throw new ProviderNotFoundException(key);
            }
            String value = Checks.notBlank(url, "auth URL override for " + slug).trim();
            Checks.httpUrlOrNull(value, "auth URL override for " + slug);
            result.put(slug, result.get(slug).withAuthOrigin(value));
        });
        return result;
    }
}
