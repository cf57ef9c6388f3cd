package dev.switchboard.provider.internal;

import dev.switchboard.provider.FieldType;
import dev.switchboard.provider.SchemaField;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/** The per-field checks behind {@code SchemaFieldValidator}; messages never contain the value. */
public final class FieldChecks {

    public static final String MISSING = "is required";
    public static final String UNKNOWN = "is not a field of this provider";
    static final String NOT_TEXT = "must be text";
    static final String NOT_INTEGER = "must be an integer";
    static final String NOT_PORT = "must be an integer between 1 and 65535";
    static final String NOT_URL = "must be an absolute http(s) URL";
    static final String NOT_EMAIL = "must be an email address";

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private FieldChecks() {
    }

    /** The problem with {@code value} for {@code field}, or empty when it is acceptable. */
    public static Optional<String> problem(SchemaField field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return field.required() && field.defaultValue() == null ? Optional.of(MISSING) : Optional.empty();
        }
        Optional<String> typeProblem = field.type() == FieldType.INTEGER ? integer(field, value) : text(field, value);
        if (typeProblem.isPresent() || field.pattern() == null) {
            return typeProblem;
        }
        boolean matches = Pattern.compile(field.pattern()).matcher(String.valueOf(value)).find();
        return matches ? Optional.empty() : Optional.of("must match the pattern " + field.pattern());
    }

    private static Optional<String> text(SchemaField field, Object value) {
        if (!(value instanceof String text)) {
            return Optional.of(NOT_TEXT);
        }
        return switch (field.type()) {
            case URL -> httpUrl(text) ? Optional.empty() : Optional.of(NOT_URL);
            case EMAIL -> EMAIL.matcher(text).matches() ? Optional.empty() : Optional.of(NOT_EMAIL);
            default -> Optional.empty();
        };
    }

    private static Optional<String> integer(SchemaField field, Object value) {
        boolean port = field.name().equals("port");
        String failure = port ? NOT_PORT : NOT_INTEGER;
        Long number = asLong(value);
        if (number == null) {
            return Optional.of(failure);
        }
        return port && (number < 1 || number > 65535) ? Optional.of(NOT_PORT) : Optional.empty();
    }

    private static Long asLong(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 63) {
            return big.longValue();
        }
        if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
            try {
                return new BigDecimal(value.toString()).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                return null;
            }
        }
        if (value instanceof String text && INTEGER.matcher(text.trim()).matches()) {
            return Long.parseLong(text.trim());
        }
        return null;
    }

    private static boolean httpUrl(String text) {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme();
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
