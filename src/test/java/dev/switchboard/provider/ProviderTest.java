package dev.switchboard.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderTest {

    @Test
    void fieldsForApiKeyWithoutSchemaIsOneRequiredSecretApiKey() {
        Provider provider = Providers.api("demo", "Demo", Category.AI, ApiKeyMethod.header("X-Key", null));

        assertThat(provider.fieldsFor(AuthMethodType.API_KEY)).containsExactly(SchemaField.API_KEY);
        assertThat(SchemaField.API_KEY.required()).isTrue();
        assertThat(SchemaField.API_KEY.secret()).isTrue();
        assertThat(SchemaField.API_KEY.title()).isEqualTo("API key");
    }

    @Test
    void fieldsForBearerWithoutSchemaIsOneRequiredSecretToken() {
        Provider provider = Providers.api("demo", "Demo", Category.AI, new BearerMethod());

        assertThat(provider.fieldsFor(AuthMethodType.BEARER)).containsExactly(SchemaField.TOKEN);
        assertThat(SchemaField.TOKEN.name()).isEqualTo("token");
        assertThat(SchemaField.TOKEN.secret()).isTrue();
    }

    @Test
    void fieldsForNoneAndOAuthWithoutSchemaAreEmpty() {
        Provider provider = Providers.api("demo", "Demo", Category.AI, Providers.OAUTH, new NoAuthMethod());

        assertThat(provider.fieldsFor(AuthMethodType.OAUTH2)).isEmpty();
        assertThat(provider.fieldsFor(AuthMethodType.NONE)).isEmpty();
    }

    @Test
    void fieldsForWithSchemaAreTheSchemaFieldsAndForOAuthOnlyTheNonSecretOnes() {
        Provider provider = Providers.withSchema(Providers.saas(), new ApiKeyMethod(ApiKeyLocation.BASIC, null,
                null, "email"), Providers.OAUTH);

        assertThat(provider.fieldsFor(AuthMethodType.API_KEY)).extracting(SchemaField::name)
                .containsExactly("instance_url", "email", "api_key");
        assertThat(provider.fieldsFor(AuthMethodType.OAUTH2)).extracting(SchemaField::name)
                .containsExactly("instance_url", "email");
    }

    @Test
    void fieldsForAnUnsupportedMethodThrowsWithStableCode() {
        Provider provider = Providers.api("demo", "Demo", Category.AI, new NoAuthMethod());

        assertThatThrownBy(() -> provider.fieldsFor(AuthMethodType.BEARER))
                .isInstanceOf(UnsupportedAuthMethodException.class)
                .extracting(e -> ((ProviderException) e).code()).isEqualTo("auth_method_not_supported");
    }

    @Test
    void supportsAndAuthMethodFindTheMethodByType() {
        Provider provider = Providers.api("demo", "Demo", Category.AI, new BearerMethod());

        assertThat(provider.supports(AuthMethodType.BEARER)).isTrue();
        assertThat(provider.supports(AuthMethodType.OAUTH2)).isFalse();
        assertThat(provider.authMethod(AuthMethodType.BEARER)).contains(new BearerMethod());
        assertThat(provider.authMethod(AuthMethodType.API_KEY)).isEmpty();
    }

    @Test
    void constructorRejectsTheSameAuthMethodTwice() {
        assertThatThrownBy(() -> Providers.api("demo", "Demo", Category.AI, new BearerMethod(), new BearerMethod()))
                .hasMessageContaining("BEARER twice");
    }

    @Test
    void constructorRejectsInstanceUrlPlaceholderWithoutInstanceUrlField() {
        CredentialSchema custom = new CredentialSchema(SchemaShape.CUSTOM, List.of(SchemaField.API_KEY));

        assertThatThrownBy(() -> Providers.withSchema(custom, ApiKeyMethod.header("X-Key", null)))
                .hasMessageContaining("{instance_url}");
    }

    @Test
    void constructorRejectsApiKeyMethodWhenSchemaHasNoSecretApiKeyField() {
        CredentialSchema schema = new CredentialSchema(SchemaShape.SAAS, List.of(Providers.saas().fields().get(0)));

        assertThatThrownBy(() -> Providers.withSchema(schema, ApiKeyMethod.header("X-Key", null)))
                .hasMessageContaining("secret field api_key");
    }

    @Test
    void constructorRejectsApiProviderWithoutBaseUrlUnlessBuiltIn() {
        List<AuthMethod> none = List.of(new NoAuthMethod());
        ValidationSpec ping = new ValidationSpec("ping", Map.of());

        assertThatThrownBy(() -> new Provider("demo", "Demo", "", Category.DATA, ProviderKind.API,
                ProviderStatus.ACTIVE, null, null, null, null, null, null, none, null, ping))
                .hasMessageContaining("baseUrl is required");
        assertThat(new Provider("demo", "Demo", "", Category.DATA, ProviderKind.API, ProviderStatus.ACTIVE, null,
                null, null, null, "calculator", null, none, null, ping).builtin()).isEqualTo("calculator");
    }

    @Test
    void constructorAcceptsAClasspathRelativeOpenApiDocumentOfAnApiProvider() {
        Provider provider = withOpenApi(ProviderKind.API, null, "catalog/openapi/demo.yaml");

        assertThat(provider.openapi()).isEqualTo("catalog/openapi/demo.yaml");
        assertThat(provider.withStatus(ProviderStatus.INACTIVE).openapi()).isEqualTo("catalog/openapi/demo.yaml");
        assertThat(provider.withUpstreamUrl("http://127.0.0.1:9000").openapi()).isEqualTo("catalog/openapi/demo.yaml");
    }

    @Test
    void constructorRejectsAnOpenApiPathThatIsAbsoluteClimbsOrIsNotADocument() {
        for (String path : List.of("/catalog/openapi/demo.yaml", "catalog/../secrets.yaml", "catalog/openapi/demo.txt",
                "https://example.com/openapi.yaml")) {
            assertThatThrownBy(() -> withOpenApi(ProviderKind.API, null, path)).as(path)
                    .hasMessageStartingWith("openapi must match");
        }
    }

    @Test
    void constructorRejectsAnOpenApiDocumentOnMcpAndBuiltInProviders() {
        assertThatThrownBy(() -> withOpenApi(ProviderKind.MCP, null, "catalog/openapi/demo.yaml"))
                .hasMessage("openapi is only allowed for an API provider that is not built in");
        assertThatThrownBy(() -> withOpenApi(ProviderKind.API, "postgresql", "catalog/openapi/demo.yaml"))
                .hasMessage("openapi is only allowed for an API provider that is not built in");
    }

    @Test
    void withUpstreamUrlReplacesBaseUrlOfApiProviders() {
        Provider provider = Providers.api("demo", "Demo", Category.AI, new BearerMethod());

        assertThat(provider.withUpstreamUrl("http://127.0.0.1:9000").baseUrl()).isEqualTo("http://127.0.0.1:9000");
    }

    private static Provider withOpenApi(ProviderKind kind, String builtin, String openapi) {
        return new Provider("demo", "Demo", "", Category.DATA, kind, ProviderStatus.ACTIVE, null,
                "https://api.demo.example", "https://mcp.demo.example", openapi, builtin, null,
                List.of(new NoAuthMethod()), null, new ValidationSpec("ping", Map.of()));
    }
}
