package dev.switchboard.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The catalog rules of the auth shapes: URL placeholders, grant fields, token values, auth URL overrides. */
class ProviderTemplateRulesTest {
    static final JsonMapper MAPPER = JsonMapper.builder().build();
    static final SchemaField SECRET = SchemaField.secret("client_secret", "Secret");

    static SchemaField text(String name, Object defaultValue) {
        return new SchemaField(name, name, FieldType.STRING, false, false, null, null, null, defaultValue);
    }

    static Provider provider(String baseUrl, CredentialSchema schema, AuthMethod... methods) {
        return new Provider("acme", "Acme", "", Category.CLOUD, ProviderKind.API, ProviderStatus.ACTIVE, "A",
                baseUrl, null, null, null, null, List.of(methods), schema, new ValidationSpec("get_me", Map.of()));
    }

    static ClientCredentialsMethod grant(String tokenUrl) {
        return new ClientCredentialsMethod(tokenUrl, List.of(), null, null, null);
    }

    @Test
    void everyPlaceholderMustNameAFieldADerivedValueOrATokenValue() {
        CredentialSchema schema = new CredentialSchema(SchemaShape.CUSTOM, List.of(text("client_id", null), SECRET,
                text("tenant", null)), List.of(new DerivedValue("dc", "client_id", "-([a-z0-9]+)$")));

        assertThat(provider("https://{dc}.api.acme.test/{tenant}", schema, grant("https://login.acme.test/{tenant}"))
                .baseUrl()).contains("{dc}");
        assertThatThrownBy(() -> provider("https://{region}.acme.test", schema, grant("https://login.acme.test")))
                .hasMessageContaining("baseUrl uses {region}");
        assertThatThrownBy(() -> provider("https://acme.test", schema, grant("https://login.acme.test/{realm}")))
                .hasMessageContaining("tokenUrl uses {realm}");
        assertThatThrownBy(() -> provider("{tenant}/api", schema, grant("https://login.acme.test")))
                .hasMessageContaining("no tenant URL field");
    }

    @Test
    void noPlaceholderNamesASecretFieldThoughAValueDerivedFromOneMay() {
        CredentialSchema schema = new CredentialSchema(SchemaShape.CUSTOM, List.of(text("client_id", null), SECRET),
                List.of(new DerivedValue("dc", "client_secret", "-([a-z0-9]+)$")));

        assertThatThrownBy(() -> provider("https://{client_secret}.acme.test", schema, grant("https://login.acme.test")))
                .hasMessageContaining("a URL uses {client_secret}, the secret field client_secret");
        // Mailchimp's data centre is the non-secret tail of its API key
        assertThat(provider("https://{dc}.acme.test", schema, grant("https://login.acme.test")).baseUrl())
                .isEqualTo("https://{dc}.acme.test");
        assertThatThrownBy(() -> provider("https://acme.test", schema, grant("https://login.acme.test/{client_secret}")))
                .hasMessageContaining("a secret never goes into a URL");
    }

    @Test
    void aTokenValueStandsForTheInstanceUrlWithoutASchema() {
        OAuth2Method oauth = new OAuth2Method("https://login.acme.test/authorize", "https://login.acme.test/token",
                null, null, null, List.of("api"), null, true, null, null, List.of("instance_url"));

        assertThat(provider("{instance_url}/services/data", null, oauth).baseUrl()).startsWith("{instance_url}");
        assertThatThrownBy(() -> new OAuth2Method("https://a.test/authorize", "https://a.test/token", null, null, null,
                List.of(), null, true, null, null, List.of("access_token")))
                .hasMessageContaining("tokenValues may not name access_token");
    }

    @Test
    void oauthUrlPlaceholdersNeedAFieldWithADefaultWhichTheFlowUses() {
        OAuth2Method oauth = new OAuth2Method("https://login.acme.test/{tenant}/authorize",
                "https://login.acme.test/{tenant}/token", null, null, null, List.of(), null, true, null, null);

        assertThatThrownBy(() -> provider("https://api.acme.test", new CredentialSchema(SchemaShape.CUSTOM,
                List.of(text("tenant", null))), oauth)).hasMessageContaining("with a default");
        Provider ok = provider("https://api.acme.test", new CredentialSchema(SchemaShape.CUSTOM,
                List.of(text("tenant", "organizations"))), oauth);
        assertThat(ok.oauth2().orElseThrow().authorizeUrl()).isEqualTo("https://login.acme.test/organizations/authorize");
        assertThat(ok.oauth2().orElseThrow().tokenUrl()).isEqualTo("https://login.acme.test/organizations/token");
    }

    @Test
    void grantsNeedTheirCredentialFields() {
        assertThatThrownBy(() -> provider("https://api.acme.test", new CredentialSchema(SchemaShape.CUSTOM,
                List.of(text("client_id", null))), grant("https://login.acme.test/token")))
                .hasMessageContaining("secret field client_secret");
        assertThatThrownBy(() -> provider("https://api.acme.test", null, grant("https://login.acme.test/token")))
                .hasMessageContaining("client_id");
        assertThatThrownBy(() -> provider("https://api.acme.test", null,
                new JwtGrantMethod("https://oauth2.acme.test/token", List.of("read"), null)))
                .hasMessageContaining("secret field service_account");
        assertThatThrownBy(() -> new ClientCredentialsMethod("https://a.test/token", List.of(), null, null,
                Map.of("grant_type", "password"))).hasMessageContaining("tokenParams may not set grant_type");
    }

    @Test
    void theAuthUrlOverrideMovesTokenUrlsAndTheOAuthUrlsOnTheirOriginKeepingPathsAndPlaceholders() {
        Catalog shipped = Catalog.load(MAPPER);
        Catalog moved = shipped.withAuthUrlOverrides(Map.of("azure", "http://127.0.0.1:9/az",
                "SALESFORCE", "https://test.salesforce.com", "microsoft-teams", "http://127.0.0.1:9"));

        assertThat(((ClientCredentialsMethod) moved.require("azure").authMethods().get(0)).tokenUrl())
                .isEqualTo("http://127.0.0.1:9/az/{tenant}/oauth2/v2.0/token");
        OAuth2Method salesforce = moved.require("salesforce").oauth2().orElseThrow();
        assertThat(salesforce.authorizeUrl()).isEqualTo("https://test.salesforce.com/services/oauth2/authorize");
        assertThat(salesforce.revokeUrl()).isEqualTo("https://test.salesforce.com/services/oauth2/revoke");
        OAuth2Method teams = moved.require("microsoft-teams").oauth2().orElseThrow();
        assertThat(teams.tokenUrl()).isEqualTo("http://127.0.0.1:9/organizations/oauth2/v2.0/token");
        // another origin (Graph's userinfo) stays
        assertThat(teams.userinfoUrl()).isEqualTo("https://graph.microsoft.com/oidc/userinfo");
        assertThatThrownBy(() -> shipped.withAuthUrlOverrides(Map.of("gitlab", "http://127.0.0.1:9")))
                .hasMessageContaining("no auth endpoint");
        assertThatThrownBy(() -> shipped.withAuthUrlOverrides(Map.of("nope", "http://127.0.0.1:9")))
                .isInstanceOf(ProviderNotFoundException.class);
    }
}
