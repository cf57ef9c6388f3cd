package dev.switchboard.provider.internal;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.switchboard.provider.CatalogLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schema (draft 2020-12) every catalog file must satisfy, loaded from the classpath resource
 * {@value #RESOURCE}. Immutable after construction; {@link #problems} is safe to call from several threads.
 */
public final class ProviderSchema {

    /** Classpath location of the schema. */
    public static final String RESOURCE = "catalog/provider.schema.json";

    private final Schema schema;

    private ProviderSchema(Schema schema) {
        this.schema = schema;
    }

    /** Loads the schema with {@code classLoader}; throws {@link CatalogLoadException} when it is missing. */
    public static ProviderSchema load(ClassLoader classLoader) {
        // JSON Path locations ($.authMethods[0].in) match the paths reported for model-rule failures.
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
        try (InputStream in = classLoader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CatalogLoadException(RESOURCE + ": not found on the classpath");
            }
            Schema schema = registry.getSchema(in);
            schema.initializeValidators();
            return new ProviderSchema(schema);
        } catch (IOException e) {
            throw new CatalogLoadException(RESOURCE + ": cannot be read", e);
        }
    }

    /** The schema violations of {@code document}, each as "JSON path: message"; empty when it is valid. */
    public List<String> problems(JsonNode document) {
        List<Error> errors = schema.validate(document);
        return errors.stream().map(ProviderSchema::describe).toList();
    }

    private static String describe(Error error) {
        String location = String.valueOf(error.getInstanceLocation());
        String message = error.getMessage();
        return message.startsWith(location) ? message : location + ": " + message;
    }
}
