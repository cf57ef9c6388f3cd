package dev.switchboard.provider;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The shipped catalog's curated OpenAPI documents, read from the classpath and parsed with swagger-parser. */
final class CuratedDocuments {

    /** One operation of a document, with its method and path template. */
    record Op(String method, String path, Operation operation) {

        String id() {
            return operation.getOperationId();
        }
    }

    private CuratedDocuments() {
    }

    static Catalog catalog() {
        return Catalog.load(JsonMapper.builder().build());
    }

    /** The providers of the shipped catalog that name a curated document. */
    static List<Provider> withDocument() {
        return catalog().all().stream().filter(provider -> provider.openapi() != null).toList();
    }

    /** The document's text, or null when the resource does not exist. */
    static String text(String resource) {
        try (InputStream in = CuratedDocuments.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses and validates the document, resolving its {@code $ref}s; the messages report every problem. */
    static SwaggerParseResult parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(text, null, options);
    }

    /** Parses the provider's document with every {@code $ref} inlined, for structural checks. */
    static OpenAPI resolved(Provider provider) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        return new OpenAPIV3Parser().readContents(text(provider.openapi()), null, options).getOpenAPI();
    }

    /** Every operation of the document, in document order. */
    static List<Op> operations(OpenAPI document) {
        List<Op> operations = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : document.getPaths().entrySet()) {
            path.getValue().readOperationsMap().forEach((method, operation) ->
                    operations.add(new Op(method.name(), path.getKey(), operation)));
        }
        return operations;
    }

    /** The security requirements that apply to an operation: its own, else the document's; never null. */
    static List<SecurityRequirement> security(OpenAPI document, Operation operation) {
        if (operation.getSecurity() != null) {
            return operation.getSecurity();
        }
        return document.getSecurity() == null ? List.of() : document.getSecurity();
    }
}
