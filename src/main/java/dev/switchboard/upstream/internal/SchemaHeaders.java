package dev.switchboard.upstream.internal;

import dev.switchboard.provider.CredentialSchema;
import dev.switchboard.provider.DatabaseDsn;
import dev.switchboard.provider.DsnScheme;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.SchemaField;
import dev.switchboard.provider.SchemaShape;
import dev.switchboard.vault.SecretFields;
import java.util.Locale;

/**
 * The standard headers of schema-driven credentials (DESIGN.md §3): {@code x-{provider}-{field}}
 * for each non-secret field (so {@code instance_url} gives {@code x-{provider}-instance-url}) and,
 * for database shapes, {@code x-{provider}-dsn} — the same DSN the database tools connect with
 * ({@link DatabaseDsn}, whose scheme follows the provider's {@code builtin}: {@code mysql} or PostgreSQL). Secret fields never become headers; they travel only
 * the way the auth method says. Only ever added to requests for the provider's own base URL.
 */
final class SchemaHeaders {
  private SchemaHeaders() {}

  static void apply(Provider provider, SecretFields fields, OutgoingRequest request) {
    CredentialSchema schema = provider.credentialSchema();
    if (schema == null) {
      return;
    }
    String prefix = "x-" + provider.slug() + "-";
    for (SchemaField field : schema.fields()) {
      if (!field.secret()) {
        fields.get(field.name()).ifPresent(value ->
            request.header(prefix + field.name().replace('_', '-').toLowerCase(Locale.ROOT), value));
      }
    }
    if (schema.shape() == SchemaShape.DATABASE) {
      request.header(prefix + "dsn", DatabaseDsn.of(DsnScheme.forBuiltin(provider.builtin()), fields).uri());
    }
  }

}
