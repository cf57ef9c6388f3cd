package dev.switchboard.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A request was wrong in one or more named fields. {@link #fields()} maps each field name to one
 * message a person can act on; the messages never repeat the submitted value, which may be a secret.
 */
public final class FieldErrors extends SwitchboardException {
  private final Map<String, String> fields;

  public FieldErrors(Map<String, String> fields) {
    super(ErrorKind.INVALID_REQUEST, "invalid_fields", summary(fields));
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public Map<String, String> fields() {
    return fields;
  }

  private static String summary(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining("; "));
  }
}
