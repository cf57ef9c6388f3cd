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
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CredentialSchema(SchemaShape shape, List<SchemaField> fields) {

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
        List<String> needed = shape == SchemaShape.SAAS ? List.of(INSTANCE_URL)
                : shape == SchemaShape.DATABASE ? DATABASE_FIELDS : List.of();
        for (String name : needed) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException(shape + " credential schema needs a field " + name);
            }
        }
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
