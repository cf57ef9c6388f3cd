package dev.switchboard.provider;

import java.util.List;
import java.util.Map;

/** Small providers built in code for tests. */
final class Providers {

    static final OAuth2Method OAUTH = new OAuth2Method("https://example.com/authorize", "https://example.com/token",
            null, null, null, List.of("read"), null, true, Map.of(), null);

    private Providers() {
    }

    static Provider api(String slug, String name, Category category, AuthMethod... methods) {
        return new Provider(slug, name, name + " service", category, ProviderKind.API, ProviderStatus.ACTIVE, "*",
                "https://api." + slug + ".example", null, null, null, null, List.of(methods), null,
                new ValidationSpec("ping", Map.of()));
    }

    static Provider withSchema(CredentialSchema schema, AuthMethod... methods) {
        return new Provider("acme", "Acme", "Acme", Category.CRM, ProviderKind.API, ProviderStatus.ACTIVE, "*",
                "{instance_url}/api", null, null, null, null, List.of(methods), schema,
                new ValidationSpec("ping", null));
    }

    static CredentialSchema saas() {
        return new CredentialSchema(SchemaShape.SAAS, List.of(
                new SchemaField("instance_url", "Instance URL", FieldType.URL, true, false, null, null, null, null),
                new SchemaField("email", "Email", FieldType.EMAIL, true, false, null, null, null, null),
                SchemaField.secret("api_key", "API key")));
    }
}
