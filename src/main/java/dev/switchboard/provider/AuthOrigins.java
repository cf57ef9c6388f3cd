package dev.switchboard.provider;

/** Rebasing auth URLs onto another origin ({@link Provider#withAuthOrigin}). Stateless. */
final class AuthOrigins {
    private AuthOrigins() {
    }

    /**
     * {@code url} with its origin replaced by {@code replacement} when it shares {@code anchor}'s origin; else
     * {@code url} unchanged. Null stays null.
     */
    static String rebase(String url, String anchor, String replacement) {
        if (url == null || anchor == null) {
            return url;
        }
        String origin = origin(anchor);
        if (!origin(url).equals(origin)) {
            return url;
        }
        String base = replacement.endsWith("/") ? replacement.substring(0, replacement.length() - 1) : replacement;
        return base + url.substring(origin.length());
    }

    /** {@code scheme://authority} of {@code url}: everything before the first {@code /} after {@code ://}. */
    private static String origin(String url) {
        int start = url.indexOf("://");
        int slash = url.indexOf('/', start < 0 ? 0 : start + 3);
        return slash < 0 ? url : url.substring(0, slash);
    }
}
