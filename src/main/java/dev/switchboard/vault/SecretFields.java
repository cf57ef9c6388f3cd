package dev.switchboard.vault;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The decrypted secrets of one credential: field name → value, e.g. {@code api_key}, {@code
 * password}, {@code access_token}. The plaintext counterpart of {@link SealedPayload}.
 *
 * <p>Immutable and thread-safe; names keep the order they were given in. Names are non-empty,
 * values non-null (an empty string is allowed). {@link #toString()} shows names only, every value
 * fully hidden; {@link #masked()} gives the display form for APIs and pages.
 */
public final class SecretFields {

  private static final SecretFields EMPTY = new SecretFields(Map.of());

  private final Map<String, String> values;

  private SecretFields(Map<String, String> values) {
    this.values = values;
  }

  /** Fields copied from {@code values}; throws on a null or empty name or a null value. */
  public static SecretFields of(Map<String, String> values) {
    Map<String, String> copy = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("secret field names must not be empty");
          }
          copy.put(name, Objects.requireNonNull(value, () -> "value of field " + name));
        });
    return copy.isEmpty() ? EMPTY : new SecretFields(Collections.unmodifiableMap(copy));
  }

  /** No fields (credentials of providers without secrets). */
  public static SecretFields empty() {
    return EMPTY;
  }

  /** The value of field {@code name}, if present. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** Field names in order (unmodifiable). */
  public Set<String> names() {
    return values.keySet();
  }

  /** True if there are no fields. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** Field name → {@link SecretMask#mask(String) masked} value, in order (unmodifiable). */
  public Map<String, String> masked() {
    Map<String, String> masked = new LinkedHashMap<>();
    values.forEach((name, value) -> masked.put(name, SecretMask.mask(value)));
    return Collections.unmodifiableMap(masked);
  }

  /** The live values, for sealing inside this package only. */
  Map<String, String> values() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SecretFields other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.keySet().stream()
        .map(name -> name + "=****")
        .collect(Collectors.joining(", ", "SecretFields[", "]"));
  }
}
