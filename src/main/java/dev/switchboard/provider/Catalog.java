package dev.switchboard.provider;

import dev.switchboard.provider.internal.BaseUrlOverrides;
import dev.switchboard.provider.internal.AuthUrlOverrides;
import dev.switchboard.provider.internal.CatalogLoader;
import dev.switchboard.provider.internal.ProviderSearch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The set of providers this installation knows. Immutable and thread-safe: every change ({@link #add},
 * {@link #withStatus}, {@link #withBaseUrlOverrides}) returns a new catalog, so a holder can swap it atomically.
 * The shipped providers come from the classpath directory {@code catalog/providers/}, each file validated against
 * {@code catalog/provider.schema.json} by the build and bound to the records, with their own checks, at load.
 */
public final class Catalog {

    private static final Comparator<Provider> BY_NAME = Comparator
            .comparing((Provider provider) -> provider.name().toLowerCase(Locale.ROOT))
            .thenComparing(Provider::slug);

    private final Map<String, Provider> bySlug;
    private final List<Provider> sorted;

    private Catalog(Map<String, Provider> bySlug) {
        this.bySlug = Collections.unmodifiableMap(new LinkedHashMap<>(bySlug));
        List<Provider> list = new ArrayList<>(bySlug.values());
        list.sort(BY_NAME);
        this.sorted = List.copyOf(list);
    }

    /**
     * A catalog of exactly these providers.
     *
     * @throws DuplicateProviderException when two share a slug
     */
    public static Catalog of(Collection<Provider> providers) {
        Map<String, Provider> bySlug = new LinkedHashMap<>();
        for (Provider provider : providers) {
            if (bySlug.putIfAbsent(provider.slug(), provider) != null) {
                throw new DuplicateProviderException(provider.slug());
            }
        }
        return new Catalog(bySlug);
    }

    /** The shipped catalog without overrides; see {@link #load(JsonMapper, Map)}. */
    public static Catalog load(JsonMapper mapper) {
        return load(mapper, Map.of());
    }

    /**
     * Loads the shipped catalog from the classpath and applies upstream URL overrides.
     *
     * @param mapper the application's JSON mapper (unknown properties are ignored by the records regardless)
     * @param baseUrlOverrides slug (or its environment form, {@code OPEN_METEO}) → http(s) URL replacing the
     *     provider's {@code baseUrl}, or its {@code mcpUrl} for MCP providers; may be empty, not null
     * @throws CatalogLoadException when a catalog file is missing or invalid (the message names file and path)
     * @throws ProviderNotFoundException when an override names no provider
     */
    public static Catalog load(JsonMapper mapper, Map<String, String> baseUrlOverrides) {
        ClassLoader classLoader = Catalog.class.getClassLoader();
        List<Provider> providers = CatalogLoader.shipped(mapper, classLoader).loadAll();
        return of(providers).withBaseUrlOverrides(baseUrlOverrides);
    }

    /**
     * The environment variable an application reads to override a provider's upstream URL:
     * {@code SWITCHBOARD_PROVIDER_<SLUG>_BASE_URL}, slug upper-cased with {@code -} → {@code _}.
     */
    public static String baseUrlVariable(String slug) {
        return BaseUrlOverrides.variable(slug);
    }

    /** All providers, sorted by name (case-insensitive), then slug. */
    public List<Provider> all() {
        return sorted;
    }

    /** The provider with this slug, or empty. */
    public Optional<Provider> find(String slug) {
        return Optional.ofNullable(slug == null ? null : bySlug.get(slug));
    }

    /** The provider with this slug; throws {@link ProviderNotFoundException} when there is none. */
    public Provider require(String slug) {
        return find(slug).orElseThrow(() -> new ProviderNotFoundException(slug));
    }

    /**
     * Providers in {@code category} (any when empty) whose name, slug, description or category display name
     * contains every whitespace-separated term of {@code query}, case-insensitively; a null or blank query matches
     * all. Sorted by name.
     */
    public List<Provider> search(Optional<Category> category, String query) {
        return ProviderSearch.filter(sorted, category, query);
    }

    /** This catalog with {@code provider} added; throws {@link DuplicateProviderException} if its slug exists. */
    public Catalog add(Provider provider) {
        if (bySlug.containsKey(provider.slug())) {
            throw new DuplicateProviderException(provider.slug());
        }
        Map<String, Provider> next = new LinkedHashMap<>(bySlug);
        next.put(provider.slug(), provider);
        return new Catalog(next);
    }

    /** This catalog with the provider's status replaced; throws {@link ProviderNotFoundException}. */
    public Catalog withStatus(String slug, ProviderStatus status) {
        Map<String, Provider> next = new LinkedHashMap<>(bySlug);
        next.put(slug, require(slug).withStatus(status));
        return new Catalog(next);
    }

    /** This catalog with upstream URLs overridden as described in {@link #load(JsonMapper, Map)}. */
    public Catalog withBaseUrlOverrides(Map<String, String> baseUrlOverrides) {
        return baseUrlOverrides.isEmpty() ? this : new Catalog(BaseUrlOverrides.apply(bySlug, baseUrlOverrides));
    }

    /**
     * This catalog with the origin of each named provider's auth endpoints replaced
     * ({@code SWITCHBOARD_PROVIDER_<SLUG>_AUTH_URL}, see {@link Provider#withAuthOrigin}; the URL may hold the
     * same {@code {field}} placeholders).
     *
     * @throws ProviderNotFoundException when a key names no provider
     * @throws IllegalArgumentException when a value is not an http(s) URL or the provider has no auth endpoint
     */
    public Catalog withAuthUrlOverrides(Map<String, String> authUrlOverrides) {
        return authUrlOverrides.isEmpty() ? this : new Catalog(AuthUrlOverrides.apply(bySlug, authUrlOverrides));
    }

    /** The number of providers. */
    public int size() {
        return bySlug.size();
    }
}
