package dev.switchboard.provider;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.switchboard.provider.internal.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields a provider's credentials are made of, in form order. Shapes are checked: {@code SAAS} has an
 * {@code instance_url} URL field; {@code DATABASE} has {@code host}, {@code port}, {@code user},
 * {@code password} and {@code database}. Immutable.
 *
 * @param shape the shape; required
 * @param fields at least one field, names unique; required
 * @param derived values read from fields by a pattern, for URL templates ({@link DerivedValue}); never null;
 *     each reads an existing field and none shares a field's name
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CredentialSchema(SchemaShape shape, List<SchemaField> fields, List<DerivedValue> derived) {

    /** The field a SaaS credential's instance URL lives in; substituted for {@code {instance_url}}. */
    public static final String INSTANCE_URL = "instance_url";

    private static final List<String> DATABASE_FIELDS = List.of("host", "port", "user", "password", "database");

    public CredentialSchema {
        Checks.present(shape, "shape");
        fields = List.copyOf(Checks.present(fields, "fields"));
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("fields must not be empty");
        }
        Set<String> names = new HashSet<>();
        for (SchemaField field : fields) {
            if (!names.add(field.name())) {
                throw new IllegalArgumentException("field " + field.name() + " appears twice");
            }
        }
        derived = derived == null ? List.of() : List.copyOf(derived);
        for (DerivedValue value : derived) {
            if (!names.contains(value.from())) {
                throw new IllegalArgumentException("derived value " + value.name() + " reads " + value.from()
                        + ", which is not a field");
            }
            if (names.contains(value.name()) || derived.stream().filter(v -> v.name().equals(value.name())).count() > 1) {
                throw new IllegalArgumentException("derived value " + value.name() + " has the name of a field");
            }
        }
        List<String> needed = shape == SchemaShape.SAAS ? List.of(INSTANCE_URL)
                : shape == SchemaShape.DATABASE ? DATABASE_FIELDS : List.of();
        for (String name : needed) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException(shape + " credential schema needs a field " + name);
            }
        }
    }

    /** A schema without derived values. */
    public CredentialSchema(SchemaShape shape, List<SchemaField> fields) {
        this(shape, fields, List.of());
    }

    /** The derived value with this name, if any. */
    public Optional<DerivedValue> derivedValue(String name) {
        return derived.stream().filter(value -> value.name().equals(name)).findFirst();
    }

    /** The field with this name, if any. */
    public Optional<SchemaField> field(String name) {
        return fields.stream().filter(field -> field.name().equals(name)).findFirst();
    }

    /**
     * Checks submitted values against all fields of this schema; see {@link SchemaFieldValidator#validate}.
     */
    public Map<String, String> validate(Map<String, ?> values) {
        return SchemaFieldValidator.validate(fields, values);
    }
}
