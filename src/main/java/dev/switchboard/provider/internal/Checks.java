package dev.switchboard.provider.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/** Argument checks used by the compact constructors of the provider records; failures name the JSON property. */
public final class Checks {

    private Checks() {
    }

    /** Returns {@code value}; throws {@link NullPointerException} naming {@code property} when it is null. */
    public static <T> T present(T value, String property) {
        return Objects.requireNonNull(value, () -> property + " is required");
    }

    /** Returns {@code value}; throws when it is null or blank. */
    public static String notBlank(String value, String property) {
        if (present(value, property).isBlank()) {
            throw new IllegalArgumentException(property + " must not be blank");
        }
        return value;
    }

    /** Returns {@code value}; throws when it is null or does not match {@code pattern} in full. */
    public static String matches(String value, Pattern pattern, String property) {
        if (!pattern.matcher(present(value, property)).matches()) {
            throw new IllegalArgumentException(property + " must match " + pattern.pattern() + ": '" + value + "'");
        }
        return value;
    }

    /** Null-safe: returns null for null, else checks the value starts with http:// or https://. */
    public static String httpUrlOrNull(String value, String property) {
        if (value != null && !(value.startsWith("https://") || value.startsWith("http://"))) {
            throw new IllegalArgumentException(property + " must be an http(s) URL: '" + value + "'");
        }
        return value;
    }
}
