package dev.switchboard.credential.internal;

import dev.switchboard.credential.Credential;
import dev.switchboard.credential.CredentialStatus;
import dev.switchboard.credential.Verification;
import dev.switchboard.provider.AuthMethodType;
import dev.switchboard.provider.CredentialSchema;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.provider.SchemaField;
import dev.switchboard.vault.SecretMask;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps a credential row (never its payload) to {@link Credential}. With the catalog, a field whose
 * schema says it masks fully ({@link SchemaField#masksFully()}) is shown as the fixed mask even in
 * rows saved before that rule, which kept a partial mask.
 */
public final class CredentialMapper implements RowMapper<Credential> {
  private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};
  private final JsonMapper json;
  private final Optional<ProviderRegistry> catalog;

  public CredentialMapper(JsonMapper json) {
    this.json = json;
    this.catalog = Optional.empty();
  }

  public CredentialMapper(JsonMapper json, ProviderRegistry catalog) {
    this.json = json;
    this.catalog = Optional.of(catalog);
  }

  private Map<String, String> shown(String provider, Map<String, String> fields) {
    CredentialSchema schema = catalog.flatMap(c -> c.find(provider)).map(Provider::credentialSchema)
        .orElse(null);
    if (schema == null || fields.isEmpty()) {
      return fields;
    }
    Map<String, String> out = fields;
    for (SchemaField field : schema.fields()) {
      String value = fields.get(field.name());
      if (field.masksFully() && value != null && !value.equals(SecretMask.hidden())) {
        if (out == fields) {
          out = new LinkedHashMap<>(fields);
        }
        out.put(field.name(), SecretMask.hidden());
      }
    }
    return out;
  }

  String displayJson(Map<String, String> fields) {
    return json.writeValueAsString(fields);
  }

  @Override
  public Credential map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Credential(
        rs.getString("id"),
        rs.getString("user_id"),
        rs.getString("provider"),
        AuthMethodType.valueOf(rs.getString("auth_method")),
        rs.getString("label"),
        CredentialStatus.valueOf(rs.getString("status")),
        Verification.valueOf(rs.getString("verification")),
        Optional.ofNullable(rs.getString("verification_code")),
        Optional.ofNullable(rs.getString("verification_message")),
        scopes(rs.getString("granted_scopes")),
        Optional.ofNullable(rs.getString("account")),
        CredentialRows.instant(rs.getObject("access_expires_at")),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        CredentialRows.instant(rs.getObject("last_used_at")),
        CredentialRows.instant(rs.getObject("last_verified_at")),
        rs.getInt("refresh_failures"),
        rs.getLong("version"),
        rs.getString("key_id"),
        shown(rs.getString("provider"), json.readValue(rs.getString("display_fields"), FIELDS)),
        rs.getBoolean("is_current"));
  }

  private static Set<String> scopes(String spaceSeparated) {
    if (spaceSeparated == null || spaceSeparated.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(spaceSeparated.trim().split("\\s+")).collect(Collectors.toSet());
  }
}
