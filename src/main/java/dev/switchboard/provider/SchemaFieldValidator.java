package dev.switchboard.provider;

import dev.switchboard.provider.internal.FieldChecks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks values a user submitted for a credential against the fields they must supply
 * ({@link Provider#fieldsFor(AuthMethodType)}). Stateless and thread-safe.
 */
public final class SchemaFieldValidator {

    private SchemaFieldValidator() {
    }

    /**
     * Returns one message per field with a problem, field name → message, empty when all is well. Order: the
     * fields in list order, then unknown names sorted. Problems: missing ({@code "is required"}; null, empty and
     * blank strings count as missing; a field with a default is never missing), wrong type, pattern mismatch,
     * unknown field ({@code "is not a field of this provider"}). Messages never repeat a submitted value.
     *
     * @param fields the fields to check against; required
     * @param values submitted values, keyed by field name; null counts as empty
     */
    public static Map<String, String> validate(List<SchemaField> fields, Map<String, ?> values) {
        Map<String, ?> submitted = values == null ? Map.of() : values;
        Map<String, String> problems = new LinkedHashMap<>();
        for (SchemaField field : fields) {
            FieldChecks.problem(field, submitted.get(field.name()))
                    .ifPresent(message -> problems.put(field.name(), message));
        }
        Set<String> known = fields.stream().map(SchemaField::name).collect(Collectors.toSet());
        for (String name : new TreeSet<>(submitted.keySet())) {
            if (!known.contains(name)) {
                problems.put(name, FieldChecks.UNKNOWN);
            }
        }
        return Collections.unmodifiableMap(problems);
    }
}
