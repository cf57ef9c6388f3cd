package dev.switchboard.provider.internal;

import dev.switchboard.provider.CatalogLoadException;
import dev.switchboard.provider.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads provider files from a classpath directory: {@code index.txt} names the files (one per line; blank lines
 * and {@code #} comments ignored), because a directory inside a jar cannot be listed. Each file is parsed,
 * validated against {@link ProviderSchema} (except by {@link #shipped}), bound to {@link Provider}, its slug checked
 * against its file name, and
 * its {@code openapi} document, when it names one, checked to exist on the same classpath.
 * Every failure is a {@link CatalogLoadException} naming the resource and the JSON path.
 */
public final class CatalogLoader {

    /** The directory of the shipped catalog. */
    public static final String PROVIDERS = "catalog/providers/";

    /** The index file's name inside the directory. */
    public static final String INDEX = "index.txt";

    private final JsonMapper mapper;
    private final ClassLoader classLoader;
    private final String directory;
    private final ProviderSchema schema;

    /** A loader for {@code directory} (ending in {@code /}) on {@code classLoader}'s classpath. */
    public CatalogLoader(JsonMapper mapper, ClassLoader classLoader, String directory) {
        this(mapper, classLoader, directory, ProviderSchema.load(classLoader));
    }

    private CatalogLoader(JsonMapper mapper, ClassLoader classLoader, String directory, ProviderSchema schema) {
        this.mapper = mapper;
        this.classLoader = classLoader;
        this.directory = directory;
        this.schema = schema;
    }

    /**
     * The loader of the shipped catalog, {@link #PROVIDERS}, without the JSON Schema check: the build checks every
     * shipped file against the schema ({@code CatalogFilesTest}), so at run time the files are only bound to the
     * records, whose own rules still apply. The check and its library cost every catalog command and start a tenth of
     * a second.
     */
    public static CatalogLoader shipped(JsonMapper mapper, ClassLoader classLoader) {
        return new CatalogLoader(mapper, classLoader, PROVIDERS, null);
    }

    /** All providers named by the index, in index order. */
    public List<Provider> loadAll() {
        List<Provider> providers = new ArrayList<>();
        for (String file : index()) {
            providers.add(parse(directory + file, read(directory + file)));
        }
        return providers;
    }

    /** The file names listed in the index. */
    public List<String> index() {
        String text = new String(read(directory + INDEX), StandardCharsets.UTF_8);
        return text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    /** Parses and checks one provider document; {@code resource} names it in error messages. */
    public Provider parse(String resource, byte[] json) {
        JsonNode document;
        try {
            document = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new CatalogLoadException(resource + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        List<String> problems = schema == null ? List.of() : schema.problems(document);
        if (!problems.isEmpty()) {
            throw new CatalogLoadException(resource + ": " + String.join("; ", problems));
        }
        Provider provider = bind(resource, document);
        String expected = fileSlug(resource);
        if (expected != null && !expected.equals(provider.slug())) {
            throw new CatalogLoadException(resource + ": $.slug: '" + provider.slug()
                    + "' does not match the file name");
        }
        if (provider.openapi() != null && classLoader.getResource(provider.openapi()) == null) {
            throw new CatalogLoadException(resource + ": $.openapi: '" + provider.openapi()
                    + "' is not on the classpath");
        }
        return provider;
    }

    private Provider bind(String resource, JsonNode document) {
        try {
            return mapper.treeToValue(document, Provider.class);
        } catch (JacksonException e) {
            String cause = Optional.ofNullable(e.getCause()).map(Throwable::getMessage).orElse(e.getOriginalMessage());
            throw new CatalogLoadException(resource + ": " + JsonPaths.of(e) + ": " + cause, e);
        }
    }

    private static String fileSlug(String resource) {
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : null;
    }

    private byte[] read(String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new CatalogLoadException(resource + ": not found on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new CatalogLoadException(resource + ": cannot be read", e);
        }
    }
}
