package dev.switchboard.provider.internal;

import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderNotFoundException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Applies per-installation upstream URL overrides. A key is a slug ({@code open-meteo}) or its environment form
 * ({@code OPEN_METEO}); both match because slugs contain neither upper case nor {@code _}.
 */
public final class BaseUrlOverrides {

    private BaseUrlOverrides() {
    }

    /** The environment variable that overrides the provider's upstream URL. */
    public static String variable(String slug) {
        return "SWITCHBOARD_PROVIDER_" + environmentKey(slug) + "_BASE_URL";
    }

    /** {@code slug} upper-cased with {@code -} replaced by {@code _}. */
    public static String environmentKey(String slug) {
        return slug.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * Returns {@code providers} (slug → provider) with each override applied, in the same order.
     *
     * @throws ProviderNotFoundException when a key matches no provider
     * @throws IllegalArgumentException when a value is not an http(s) URL or the provider is built in
     */
    public static Map<String, Provider> apply(Map<String, Provider> providers, Map<String, String> overrides) {
        Map<String, String> byKey = new LinkedHashMap<>();
        providers.keySet().forEach(slug -> byKey.put(environmentKey(slug), slug));
        Map<String, Provider> result = new LinkedHashMap<>(providers);
        overrides.forEach((key, url) -> {
            String slug = byKey.get(environmentKey(key.trim()));
            if (slug == null) {
                throw new ProviderNotFoundException(key);
            }
            String value = Checks.notBlank(url, "base URL override for " + slug).trim();
            Checks.httpUrlOrNull(value, "base URL override for " + slug);
            result.put(slug, result.get(slug).withUpstreamUrl(value));
        });
        return result;
    }
}
