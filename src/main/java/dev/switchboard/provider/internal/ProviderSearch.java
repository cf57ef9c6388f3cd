package dev.switchboard.provider.internal;

import dev.switchboard.provider.Category;
import dev.switchboard.provider.Provider;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Matches providers against a category filter and a free-text query: every whitespace-separated term must occur,
 * case-insensitively, in the name, slug, description or category display name. A blank query matches all.
 */
public final class ProviderSearch {

    private ProviderSearch() {
    }

    /** The providers of {@code candidates} that match, in their order. */
    public static List<Provider> filter(List<Provider> candidates, Optional<Category> category, String query) {
        List<String> terms = query == null || query.isBlank() ? List.of()
                : Arrays.asList(query.trim().toLowerCase(Locale.ROOT).split("\\s+"));
        return candidates.stream()
                .filter(provider -> category.map(wanted -> provider.category() == wanted).orElse(true))
                .filter(provider -> terms.stream().allMatch(term -> text(provider).contains(term)))
                .toList();
    }

    private static String text(Provider provider) {
        return String.join("\n", provider.name(), provider.slug(), provider.description(),
                provider.category().displayName()).toLowerCase(Locale.ROOT);
    }
}
