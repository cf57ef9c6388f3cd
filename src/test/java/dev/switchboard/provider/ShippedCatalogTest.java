package dev.switchboard.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ShippedCatalogTest {

    private final Catalog catalog = Catalog.load(JsonMapper.builder().build());

    @Test
    void shipsAtLeastTenProvidersPlusTheCalculator() {
        assertThat(catalog.all()).filteredOn(provider -> provider.builtin() == null
                || !provider.builtin().equals("calculator")).hasSizeGreaterThanOrEqualTo(10);
        assertThat(catalog.find("calculator")).isPresent();
        assertThat(catalog.all()).extracting(Provider::slug).contains("github", "slack", "hubspot", "stripe",
                "openai", "smartlead", "google", "jira-cloud", "sendgrid", "open-meteo", "postgresql");
    }

    @Test
    void everyAuthMethodTypeAppears() {
        List<AuthMethodType> used = catalog.all().stream().flatMap(provider -> provider.authMethods().stream())
                .map(AuthMethod::type).distinct().toList();

        assertThat(used).containsExactlyInAnyOrder(AuthMethodType.values());
    }

    @Test
    void apiKeysAppearInHeaderAndInQuery() {
        List<ApiKeyLocation> locations = catalog.all().stream().flatMap(provider -> provider.authMethods().stream())
                .filter(ApiKeyMethod.class::isInstance).map(method -> ((ApiKeyMethod) method).in()).toList();

        assertThat(locations).contains(ApiKeyLocation.HEADER, ApiKeyLocation.QUERY);
        assertThat(catalog.require("smartlead").authMethods()).containsExactly(ApiKeyMethod.query("api_key"));
    }

    @Test
    void bothKnownCredentialSchemaShapesAppear() {
        List<SchemaShape> shapes = catalog.all().stream().filter(provider -> provider.credentialSchema() != null)
                .map(provider -> provider.credentialSchema().shape()).toList();

        assertThat(shapes).contains(SchemaShape.SAAS, SchemaShape.DATABASE);
    }

    @Test
    void calculatorIsABuiltInNoAuthMcpProviderThatValidatesWithAdd() {
        Provider calculator = catalog.require("calculator");

        assertThat(calculator.kind()).isEqualTo(ProviderKind.MCP);
        assertThat(calculator.builtin()).isEqualTo("calculator");
        assertThat(calculator.category()).isEqualTo(Category.UTILITIES);
        assertThat(calculator.authMethods()).containsExactly(new NoAuthMethod());
        assertThat(calculator.validation()).isEqualTo(new ValidationSpec("add", Map.of("a", 1, "b", 2)));
    }

    @Test
    void googleUsesIssuerWithOfflineAccessAndConsentPrompt() {
        OAuth2Method oauth = (OAuth2Method) catalog.require("google").authMethod(AuthMethodType.OAUTH2).orElseThrow();

        assertThat(oauth.issuer()).isEqualTo("https://accounts.google.com");
        assertThat(oauth.revokeUrl()).isEqualTo("https://oauth2.googleapis.com/revoke");
        assertThat(oauth.authorizeParams()).containsEntry("access_type", "offline").containsEntry("prompt", "consent");
        assertThat(oauth.pkce()).isTrue();
    }

    @Test
    void jiraCloudTakesItsBaseUrlFromTheInstanceUrlField() {
        Provider jira = catalog.require("jira-cloud");

        assertThat(jira.baseUrl()).isEqualTo("{instance_url}");
        assertThat(jira.fieldsFor(AuthMethodType.API_KEY)).extracting(SchemaField::name)
                .containsExactly("instance_url", "email", "api_key");
    }

    @Test
    void everyProviderHasAnIconAndADefaultValidationTool() {
        assertThat(catalog.all()).allSatisfy(provider -> {
            assertThat(provider.icon()).isNotBlank();
            assertThat(provider.validation().tool()).isNotBlank();
        });
        assertThat(catalog.require("open-meteo").validation().arguments()).containsKeys("latitude", "longitude");
    }
}
