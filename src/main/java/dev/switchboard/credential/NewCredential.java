package dev.switchboard.credential;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a caller submits to create a credential (DESIGN.md §7): the provider slug, the auth method
 * name, an optional label and the field values. The values may be secrets: {@link #toString()}
 * names the fields only.
 */
public record NewCredential(String provider, String authMethod, String label, Map<String, Object> fields) {
  public NewCredential {
    fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  @Override
  public String toString() {
    return "NewCredential[provider=" + provider + ", authMethod=" + authMethod + ", label=" + label
        + ", fields=" + fields.keySet() + "]";
  }
}
