package dev.switchboard.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.provider.internal.CatalogLoader;
import dev.switchboard.provider.internal.ProviderSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CatalogFilesTest {

    private static final Path DIRECTORY = Path.of("src/main/resources/catalog/providers");
    private static final Path SCHEMA = Path.of("src/main/resources/catalog/provider.schema.json");

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void everyCatalogFileValidatesAgainstTheSchema() throws IOException {
        ProviderSchema schema = ProviderSchema.load(getClass().getClassLoader());
        for (Path file : providerFiles()) {
            JsonNode document = mapper.readTree(Files.readAllBytes(file));
            assertThat(schema.problems(document)).as(file.toString()).isEmpty();
        }
    }

    @Test
    void indexListsExactlyTheProviderFilesOfTheDirectory() {
        List<String> index = new CatalogLoader(mapper, getClass().getClassLoader(), CatalogLoader.PROVIDERS).index();
        List<String> files = providerFiles().stream().map(file -> file.getFileName().toString()).toList();

        assertThat(index).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void slugsAreUniqueAndEqualTheFileNames() {
        List<Provider> providers = Catalog.load(mapper).all();
        List<String> fileSlugs = providerFiles().stream()
                .map(file -> file.getFileName().toString().replaceFirst("\\.json$", "")).toList();

        assertThat(providers).extracting(Provider::slug).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(fileSlugs);
    }

    @Test
    void schemaEnumsListTheSameValuesAsTheJavaEnums() throws IOException {
        JsonNode schema = mapper.readTree(Files.readAllBytes(SCHEMA));
        JsonNode defs = schema.path("$defs");

        assertThat(values(schema.at("/properties/category/enum"))).isEqualTo(names(Category.values()));
        assertThat(values(schema.at("/properties/kind/enum"))).isEqualTo(names(ProviderKind.values()));
        assertThat(values(schema.at("/properties/status/enum"))).isEqualTo(names(ProviderStatus.values()));
        assertThat(values(defs.at("/authMethod/properties/type/enum"))).isEqualTo(names(AuthMethodType.values()));
        assertThat(values(defs.at("/apiKey/properties/in/enum"))).isEqualTo(names(ApiKeyLocation.values()));
        assertThat(values(defs.at("/credentialSchema/properties/shape/enum"))).isEqualTo(names(SchemaShape.values()));
        assertThat(values(defs.at("/field/properties/type/enum"))).isEqualTo(names(FieldType.values()));
        assertThat(values(defs.at("/oauth2/properties/clientAuthentication/enum")))
                .isEqualTo(names(ClientAuthentication.values()));
    }

    private static List<Path> providerFiles() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> {
            if (!value.isNull()) {
                values.add(value.asString());
            }
        });
        return values;
    }

    private static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toList();
    }
}
