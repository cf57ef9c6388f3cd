package dev.switchboard.upstream.internal;

import dev.switchboard.provider.CredentialSchema;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.SchemaField;
import dev.switchboard.provider.SchemaShape;
import dev.switchboard.vault.SecretFields;
import java.util.Locale;

/**
 * The standard headers of schema-driven credentials (DESIGN.md §3): {@code x-{provider}-{field}}
 * for each non-secret field (so {@code instance_url} gives {@code x-{provider}-instance-url}) and,
 * for database shapes, {@code x-{provider}-dsn}. Secret fields never become headers; they travel only
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
      request.header(prefix + "dsn", dsn(provider.slug(), fields));
    }
  }

  /** {@code {slug}://user@host:port/database[?sslmode=…]} — never the password. */
  static String dsn(String scheme, SecretFields fields) {
    StringBuilder dsn = new StringBuilder(scheme).append("://");
    fields.get("user").ifPresent(u -> dsn.append(UrlParts.encode(u)).append('@'));
    dsn.append(fields.get("host").orElse("localhost"));
    fields.get("port").ifPresent(p -> dsn.append(':').append(p));
    dsn.append('/').append(UrlParts.encode(fields.get("database").orElse("")));
    fields.get("sslmode").ifPresent(m -> dsn.append("?sslmode=").append(UrlParts.encode(m)));
    return dsn.toString();
  }
}
