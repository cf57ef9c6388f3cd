package dev.switchboard.provider.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.provider.CatalogLoadException;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CatalogLoaderTest {

    private static final String VALID = """
            {"slug": "demo", "name": "Demo", "description": "d", "category": "DATA", "kind": "API",
             "status": "ACTIVE", "icon": "D", "baseUrl": "https://demo.example.com",
             "authMethods": [{"type": "BEARER"}], "validation": {"tool": "ping"}}
            """;

    private final CatalogLoader loader = new CatalogLoader(JsonMapper.builder().build(),
            getClass().getClassLoader(), "broken-catalog/");

    @Test
    void validDocumentBecomesAProvider() {
        Provider provider = parse("demo.json", VALID);

        assertThat(provider.slug()).isEqualTo("demo");
    }

    @Test
    void brokenFileInACatalogIsRejectedNamingTheFileAndThePath() {
        assertThatThrownBy(loader::loadAll).isInstanceOf(CatalogLoadException.class)
                .hasMessageStartingWith("broken-catalog/broken.json: ")
                .hasMessageContaining("$.authMethods[1].in");
    }

    @Test
    void missingRequiredPropertyIsNamed() {
        assertThatThrownBy(() -> parse("demo.json", VALID.replace("\"icon\": \"D\",", "")))
                .hasMessageStartingWith("demo.json: ").hasMessageContaining("icon");
    }

    @Test
    void misspelledPropertyIsRejectedButExtensionsAreAccepted() {
        assertThatThrownBy(() -> parse("demo.json", VALID.replace("\"baseUrl\"", "\"baseURL\"")))
                .hasMessageContaining("baseURL");
        assertThat(parse("demo.json", VALID.replace("{\"slug\"", "{\"x-owner\": \"team\", \"slug\""))).isNotNull();
    }

    @Test
    void apiProviderWithoutBaseUrlIsRejected() {
        assertThatThrownBy(() -> parse("demo.json", VALID.replace("\"baseUrl\": \"https://demo.example.com\",", "")))
                .hasMessageContaining("baseUrl");
    }

    @Test
    void aLongestCallBelongsToARemoteMcpProviderAndLiesWithinADay() {
        String mcp = VALID.replace("\"kind\": \"API\"", "\"kind\": \"MCP\"")
                .replace("\"baseUrl\": \"https://demo.example.com\"", "\"mcpUrl\": \"https://demo.example.com/mcp\"");

        assertThat(parse("demo.json", mcp.replace("{\"slug\"", "{\"maxCallSeconds\": 3600, \"slug\"")).maxCall())
                .contains(Duration.ofHours(1));
        assertThat(parse("demo.json", mcp).maxCall()).isEmpty();
        assertThatThrownBy(() -> parse("demo.json", mcp.replace("{\"slug\"", "{\"maxCallSeconds\": 0, \"slug\"")))
                .hasMessageContaining("maxCallSeconds");
        assertThatThrownBy(() -> parse("demo.json", mcp.replace("{\"slug\"", "{\"maxCallSeconds\": 86401, \"slug\"")))
                .hasMessageContaining("maxCallSeconds");
        assertThatThrownBy(() -> parse("demo.json", VALID.replace("{\"slug\"", "{\"maxCallSeconds\": 60, \"slug\"")))
                .hasMessageContaining("maxCallSeconds is only allowed for a remote MCP provider");
    }

    @Test
    void anMcpServerTakesOnlyAuthSentWithEveryRequest() {
        String mcp = VALID.replace("\"kind\": \"API\"", "\"kind\": \"MCP\"")
                .replace("\"baseUrl\": \"https://demo.example.com\"", "\"mcpUrl\": \"https://demo.example.com/mcp\"");
        String signed = mcp.replace("[{\"type\": \"BEARER\"}]",
                "[{\"type\": \"AWS_SIGV4\", \"service\": \"sts\", \"region\": \"us-east-1\"}]");

        assertThat(parse("demo.json", mcp).kind()).isEqualTo(ProviderKind.MCP);
        assertThatThrownBy(() -> parse("demo.json", signed))
                .hasMessageContaining("an MCP server cannot use the auth method AWS_SIGV4");
    }

    @Test
    void slugThatDiffersFromTheFileNameIsRejected() {
        assertThatThrownBy(() -> parse("other.json", VALID))
                .hasMessage("other.json: $.slug: 'demo' does not match the file name");
    }

    @Test
    void malformedJsonIsRejectedNamingTheFile() {
        assertThatThrownBy(() -> parse("demo.json", "{\"slug\": ")).isInstanceOf(CatalogLoadException.class)
                .hasMessageStartingWith("demo.json: not valid JSON");
    }

    @Test
    void ruleTheSchemaCannotExpressIsReportedWithItsPath() {
        String json = VALID.replace("[{\"type\": \"BEARER\"}]", "[{\"type\": \"BEARER\"}, {\"type\": \"BEARER\"}]");

        assertThatThrownBy(() -> parse("demo.json", json))
                .hasMessage("demo.json: $: authMethods lists BEARER twice");
    }

    @Test
    void oauthParameterOwnedByTheFlowIsRejected() {
        String oauth = "{\"type\": \"OAUTH2\", \"issuer\": \"https://id.example.com\", \"pkce\": true, "
                + "\"defaultScopes\": [], \"authorizeParams\": {\"state\": \"x\"}}";

        assertThatThrownBy(() -> parse("demo.json", VALID.replace("{\"type\": \"BEARER\"}", oauth)))
                .hasMessageContaining("$.authMethods[0].authorizeParams");
    }

    @Test
    void openapiDocumentOnTheClasspathIsKept() {
        Provider provider = parse("demo.json", VALID.replace("\"icon\": \"D\",",
                "\"icon\": \"D\", \"openapi\": \"catalog/openapi/github.yaml\","));

        assertThat(provider.openapi()).isEqualTo("catalog/openapi/github.yaml");
    }

    @Test
    void openapiDocumentMissingFromTheClasspathIsRejected() {
        String json = VALID.replace("\"icon\": \"D\",", "\"icon\": \"D\", \"openapi\": \"catalog/openapi/nope.yaml\",");

        assertThatThrownBy(() -> parse("demo.json", json)).isInstanceOf(CatalogLoadException.class)
                .hasMessage("demo.json: $.openapi: 'catalog/openapi/nope.yaml' is not on the classpath");
    }

    @Test
    void openapiDocumentOnAnMcpProviderIsRejectedBySchema() {
        String json = VALID.replace("\"kind\": \"API\"", "\"kind\": \"MCP\"")
                .replace("\"baseUrl\": \"https://demo.example.com\",",
                        "\"mcpUrl\": \"https://demo.example.com/mcp\", \"openapi\": \"catalog/openapi/github.yaml\",");

        assertThatThrownBy(() -> parse("demo.json", json)).hasMessageStartingWith("demo.json: ")
                .hasMessageContaining("$.openapi");
    }

    private Provider parse(String resource, String json) {
        return loader.parse(resource, json.getBytes(StandardCharsets.UTF_8));
    }
}
