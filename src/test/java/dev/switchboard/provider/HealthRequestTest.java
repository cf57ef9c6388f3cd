package dev.switchboard.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The declared health request of a provider (docs/providers.md, "Health request"). */
class HealthRequestTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void theMethodDefaultsToGetAndThePathMayCarryAQuery() {
        HealthRequest health = mapper.readValue("{\"path\": \"/forecast?latitude=52.52&longitude=13.41\"}",
                HealthRequest.class);
        assertThat(health.method()).isEqualTo("GET");
        assertThat(new HealthRequest("head", "/status").method()).isEqualTo("HEAD");
    }

    @Test
    void aBadRequestSaysWhatIsWrongWithIt() {
        assertThatThrownBy(() -> new HealthRequest("POST", "/status")).hasMessageContaining("GET or HEAD");
        assertThatThrownBy(() -> new HealthRequest(null, "status")).hasMessageContaining("relative to the provider");
        assertThatThrownBy(() -> new HealthRequest(null, "//evil.example/x")).hasMessageContaining("'path'");
        assertThatThrownBy(() -> new HealthRequest(null, "/{tenant}/status")).hasMessageContaining("'path'");
        assertThatThrownBy(() -> new HealthRequest(null, null)).hasMessageContaining("'path'");
    }

    @Test
    void shippedProvidersWithAPublicEndpointDeclareIt() {
        Catalog catalog = Catalog.load(mapper);
        assertThat(catalog.require("slack").health()).isEqualTo(new HealthRequest("GET", "/api.test"));
        assertThat(catalog.require("github").health()).isEqualTo(new HealthRequest("GET", "/meta"));
        assertThat(catalog.require("openai").health()).as("no public endpoint: the default").isNull();
    }
}
