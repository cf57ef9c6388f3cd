package dev.switchboard.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProviderJsonTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void everyShippedProviderSurvivesAJsonRoundTrip() {
        for (Provider provider : Catalog.load(mapper).all()) {
            String json = mapper.writeValueAsString(provider);

            assertThat(mapper.readValue(json, Provider.class)).as(provider.slug()).isEqualTo(provider);
        }
    }

    @Test
    void authMethodsAreWrittenWithTheirTypeOnceAndCamelCaseNames() {
        JsonNode jira = mapper.valueToTree(Catalog.load(mapper).require("jira-cloud"));

        assertThat(jira.at("/authMethods/0/type").asString()).isEqualTo("API_KEY");
        assertThat(jira.at("/authMethods/0/usernameField").asString()).isEqualTo("email");
        assertThat(jira.at("/credentialSchema/fields/0/name").asString()).isEqualTo("instance_url");
        assertThat(mapper.writeValueAsString(new BearerMethod())).isEqualTo("{\"type\":\"BEARER\"}");
    }

    @Test
    void fieldDefaultIsWrittenAsDefault() {
        JsonNode postgres = mapper.valueToTree(Catalog.load(mapper).require("postgresql"));

        assertThat(postgres.at("/credentialSchema/fields/1/default").asInt()).isEqualTo(5432);
    }

    @Test
    void recordsIgnoreUnknownPropertiesAndFillDefaults() {
        String json = """
                {"type": "OAUTH2", "issuer": "https://id.example.com", "future": {"x": 1}}
                """;

        OAuth2Method method = (OAuth2Method) mapper.readValue(json, AuthMethod.class);

        assertThat(method.scopeSeparator()).isEqualTo(" ");
        assertThat(method.defaultScopes()).isEmpty();
        assertThat(method.pkce()).isFalse();
        assertThat(method.clientAuthentication()).isEqualTo(ClientAuthentication.CLIENT_SECRET_POST);
    }
}
