package dev.switchboard.provider.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep, order-preserving immutable copies of JSON-like values (maps, lists, scalars; nulls allowed inside). */
public final class Immutables {

    private Immutables() {
    }

    /** An unmodifiable copy of {@code map} in iteration order, nested maps and lists copied too; null gives empty. */
    public static <V> Map<String, V> map(Map<String, V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, V> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, deep(value)));
        return Collections.unmodifiableMap(copy);
    }

    /** An unmodifiable copy of {@code list}; null gives empty. Elements must not be null. */
    public static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    @SuppressWarnings("unchecked")
    private static <V> V deep(V value) {
        if (value instanceof Map<?, ?> nested) {
            return (V) map((Map<String, Object>) nested);
        }
        if (value instanceof List<?> nested) {
            List<Object> copy = new ArrayList<>();
            nested.forEach(element -> copy.add(deep(element)));
            return (V) Collections.unmodifiableList(copy);
        }
        return value;
    }
}
