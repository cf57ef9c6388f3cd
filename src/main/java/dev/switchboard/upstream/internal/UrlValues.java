package dev.switchboard.upstream.internal;

import dev.switchboard.provider.AuthMethod;
import dev.switchboard.provider.ClientCredentialsMethod;
import dev.switchboard.provider.CredentialSchema;
import dev.switchboard.provider.DerivedValue;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.SchemaField;
import dev.switchboard.provider.UrlTemplate;
import dev.switchboard.vault.SecretFields;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The values a credential gives URL placeholders ({@link UrlTemplate}): its field of that name (token values
 * such as Salesforce's {@code instance_url} are stored as fields), else the schema field's default (GitLab's
 * {@code https://gitlab.com}), else a derived value read from another field (Mailchimp's data centre).
 */
final class UrlValues {
  private UrlValues() {}

  static Function<String, Optional<String>> of(Provider provider, SecretFields secrets) {
    CredentialSchema schema = provider.credentialSchema();
    return name -> secrets.get(name).filter(v -> !v.isBlank())
        .or(() -> schema == null ? Optional.empty()
            : schema.field(name).map(SchemaField::defaultValue).map(String::valueOf))
        .or(() -> schema == null ? Optional.empty() : schema.derivedValue(name)
            .flatMap(derived -> from(derived, secrets)));
  }

  /**
   * {@code secrets} with the default of each schema field the credential has no value for (a field with a
   * default is never missing: Mailchimp's Basic user name).
   */
  static SecretFields withDefaults(Provider provider, SecretFields secrets) {
    CredentialSchema schema = provider.credentialSchema();
    if (schema == null) {
      return secrets;
    }
    Map<String, String> values = new LinkedHashMap<>();
    secrets.names().forEach(name -> values.put(name, secrets.get(name).orElseThrow()));
    for (SchemaField field : schema.fields()) {
      if (field.defaultValue() != null && secrets.get(field.name()).filter(v -> !v.isBlank()).isEmpty()) {
        values.put(field.name(), String.valueOf(field.defaultValue()));
      }
    }
    return SecretFields.of(values);
  }

  /** {@code method} with the placeholders of its token URL filled (client credentials), else itself. */
  static AuthMethod resolve(AuthMethod method, Function<String, Optional<String>> values) {
    if (method instanceof ClientCredentialsMethod grant && grant.tokenUrl().contains("{")) {
      return new ClientCredentialsMethod(UrlTemplate.render(grant.tokenUrl(), values), grant.scopes(),
          grant.scopeSeparator(), grant.clientAuthentication(), grant.tokenParams());
    }
    return method;
  }

  private static Optional<String> from(DerivedValue derived, SecretFields secrets) {
    return secrets.get(derived.from()).flatMap(derived::extract);
  }
}
