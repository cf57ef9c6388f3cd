package dev.switchboard.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CatalogTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    private final Catalog catalog = Catalog.of(List.of(
            Providers.api("zeta", "Zeta Mail", Category.EMAIL, new BearerMethod()),
            Providers.api("acme-crm", "acme", Category.CRM, new BearerMethod()),
            Providers.api("beta", "Beta", Category.DEVELOPER_TOOLS, new BearerMethod())));

    @Test
    void allIsSortedByNameIgnoringCase() {
        assertThat(catalog.all()).extracting(Provider::slug).containsExactly("acme-crm", "beta", "zeta");
    }

    @Test
    void findAndRequireLookUpBySlug() {
        assertThat(catalog.find("beta")).map(Provider::name).contains("Beta");
        assertThat(catalog.find("nope")).isEmpty();
        assertThatThrownBy(() -> catalog.require("nope")).isInstanceOf(ProviderNotFoundException.class)
                .hasMessageContaining("nope")
                .extracting(e -> ((ProviderException) e).code()).isEqualTo("provider_not_found");
    }

    @Test
    void searchMatchesNameSlugDescriptionAndCategoryDisplayNameIgnoringCase() {
        assertThat(slugs(Optional.empty(), "ZETA")).containsExactly("zeta");
        assertThat(slugs(Optional.empty(), "acme-crm")).containsExactly("acme-crm");
        assertThat(slugs(Optional.empty(), "mail service")).containsExactly("zeta");
        assertThat(slugs(Optional.empty(), "developer tools")).containsExactly("beta");
        assertThat(slugs(Optional.empty(), "  ")).containsExactly("acme-crm", "beta", "zeta");
        assertThat(slugs(Optional.empty(), "nothing like it")).isEmpty();
    }

    @Test
    void searchFiltersByCategory() {
        assertThat(slugs(Optional.of(Category.CRM), null)).containsExactly("acme-crm");
        assertThat(slugs(Optional.of(Category.CRM), "zeta")).isEmpty();
    }

    @Test
    void shippedCatalogIsSearchableByCategoryDisplayName() {
        Catalog shipped = Catalog.load(mapper);

        assertThat(shipped.search(Optional.empty(), "developer")).extracting(Provider::slug).contains("github");
        assertThat(shipped.search(Optional.of(Category.MARKETING), "")).extracting(Provider::slug)
                .containsExactly("activecampaign", "mailchimp", "smartlead");
    }

    @Test
    void withStatusReturnsANewCatalogAndLeavesTheOldOneAlone() {
        Catalog changed = catalog.withStatus("beta", ProviderStatus.DEPRECATED);

        assertThat(changed.require("beta").status()).isEqualTo(ProviderStatus.DEPRECATED);
        assertThat(catalog.require("beta").status()).isEqualTo(ProviderStatus.ACTIVE);
        assertThatThrownBy(() -> catalog.withStatus("nope", ProviderStatus.INACTIVE))
                .isInstanceOf(ProviderNotFoundException.class);
    }

    @Test
    void addReturnsANewCatalogAndRejectsAnExistingSlug() {
        Catalog bigger = catalog.add(Providers.api("gamma", "Gamma", Category.DATA, new NoAuthMethod()));

        assertThat(bigger.size()).isEqualTo(4);
        assertThat(catalog.size()).isEqualTo(3);
        assertThatThrownBy(() -> bigger.add(Providers.api("gamma", "Other", Category.DATA, new NoAuthMethod())))
                .isInstanceOf(DuplicateProviderException.class)
                .extracting(e -> ((ProviderException) e).code()).isEqualTo("provider_exists");
    }

    @Test
    void baseUrlOverrideReplacesBaseUrlByslugOrEnvironmentKey() {
        Catalog overridden = Catalog.load(mapper, Map.of("github", "http://127.0.0.1:8081",
                "OPEN_METEO", "http://127.0.0.1:8082/v1"));

        assertThat(overridden.require("github").baseUrl()).isEqualTo("http://127.0.0.1:8081");
        assertThat(overridden.require("open-meteo").baseUrl()).isEqualTo("http://127.0.0.1:8082/v1");
        assertThat(overridden.require("slack").baseUrl()).isEqualTo("https://slack.com/api");
    }

    @Test
    void baseUrlOverrideOfAnMcpProviderReplacesItsMcpUrl() {
        Catalog overridden = Catalog.load(mapper, Map.of("deepwiki", "http://127.0.0.1:8083/mcp"));

        assertThat(overridden.require("deepwiki").mcpUrl()).isEqualTo("http://127.0.0.1:8083/mcp");
    }

    @Test
    void baseUrlOverrideRejectsUnknownSlugsBadUrlsAndBuiltIns() {
        assertThatThrownBy(() -> Catalog.load(mapper, Map.of("githubb", "http://127.0.0.1")))
                .isInstanceOf(ProviderNotFoundException.class).hasMessageContaining("githubb");
        assertThatThrownBy(() -> Catalog.load(mapper, Map.of("github", "file:///etc/passwd")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("github");
        assertThatThrownBy(() -> Catalog.load(mapper, Map.of("calculator", "http://127.0.0.1")))
                .hasMessageContaining("built in");
    }

    @Test
    void baseUrlVariableUpperCasesTheSlugAndReplacesDashes() {
        assertThat(Catalog.baseUrlVariable("open-meteo")).isEqualTo("SWITCHBOARD_PROVIDER_OPEN_METEO_BASE_URL");
    }

    private List<String> slugs(Optional<Category> category, String query) {
        return catalog.search(category, query).stream().map(Provider::slug).toList();
    }
}
