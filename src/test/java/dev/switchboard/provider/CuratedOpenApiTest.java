package dev.switchboard.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.provider.CuratedDocuments.Op;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The curated OpenAPI documents of the shipped catalog: present, valid, and usable as tools. */
class CuratedOpenApiTest {

    private static final Pattern OPERATION_ID = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    @Test
    void everyApiProviderThatIsNotBuiltInHasACuratedDocumentNamedAfterItsSlug() {
        List<Provider> api = CuratedDocuments.catalog().all().stream()
                .filter(provider -> provider.kind() == ProviderKind.API && provider.builtin() == null).toList();

        assertThat(api).isNotEmpty().allSatisfy(provider -> assertThat(provider.openapi()).as(provider.slug())
                .isEqualTo("catalog/openapi/" + provider.slug() + ".yaml"));
    }

    @Test
    void everyOpenapiFieldNamesAnExistingResource() {
        assertThat(CuratedDocuments.withDocument()).hasSizeGreaterThanOrEqualTo(10).allSatisfy(provider ->
                assertThat(CuratedDocuments.text(provider.openapi())).as(provider.openapi()).isNotBlank());
    }

    @Test
    void everyDocumentParsesAsOpenApi3WithoutMessages() {
        for (Provider provider : CuratedDocuments.withDocument()) {
            SwaggerParseResult result = CuratedDocuments.parse(CuratedDocuments.text(provider.openapi()));

            assertThat(result.getMessages()).as(provider.openapi()).isEmpty();
            assertThat(result.getOpenAPI().getOpenapi()).as(provider.openapi()).startsWith("3.");
        }
    }

    @Test
    void parserReportsABrokenDocument() {
        SwaggerParseResult result = CuratedDocuments.parse("""
                openapi: 3.0.3
                info: {title: Broken, version: "1"}
                paths:
                  /things/{id}:
                    get:
                      operationId: get_thing
                      parameters: [{name: id, in: path, schema: {type: string}}]
                """);

        assertThat(result.getMessages()).isNotEmpty();
    }

    @Test
    void everyDocumentHasThreeToTenOperationsWithUniqueSnakeCaseIdsOfAtMostFortyCharacters() {
        for (Provider provider : CuratedDocuments.withDocument()) {
            List<String> ids = CuratedDocuments.operations(CuratedDocuments.resolved(provider)).stream()
                    .map(Op::id).toList();

            assertThat(ids).as(provider.slug()).hasSizeBetween(3, 10).doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat(id).matches(OPERATION_ID).hasSizeLessThanOrEqualTo(40));
        }
    }

    @Test
    void firstServerIsTheCatalogBaseUrlAndDefinesItsVariables() {
        for (Provider provider : CuratedDocuments.withDocument()) {
            Server server = CuratedDocuments.resolved(provider).getServers().get(0);

            assertThat(server.getUrl()).as(provider.slug()).isEqualTo(provider.baseUrl());
            Set<String> variables = server.getVariables() == null ? Set.of() : server.getVariables().keySet();
            assertThat(variables).as(provider.slug()).isEqualTo(placeholders(server.getUrl()));
        }
    }

    @Test
    void everyParameterResolvesToATypedPathQueryOrHeaderParameter() {
        // swagger-parser reports a dangling schema $ref but not a dangling parameter $ref.
        for (Provider provider : CuratedDocuments.withDocument()) {
            for (Op op : CuratedDocuments.operations(CuratedDocuments.resolved(provider))) {
                assertThat(parameters(op)).as(provider.slug() + " " + op.id()).allSatisfy(parameter -> {
                    assertThat(parameter.get$ref()).isNull();
                    assertThat(parameter.getName()).isNotBlank();
                    assertThat(parameter.getIn()).isIn("path", "query", "header");
                    assertThat(parameter.getSchema()).isNotNull();
                });
            }
        }
    }

    @Test
    void pathParametersAreExactlyThePlaceholdersOfThePathTemplate() {
        for (Provider provider : CuratedDocuments.withDocument()) {
            for (Op op : CuratedDocuments.operations(CuratedDocuments.resolved(provider))) {
                List<Parameter> path = parameters(op).stream()
                        .filter(parameter -> "path".equals(parameter.getIn())).toList();

                assertThat(path).as(op.id()).allSatisfy(parameter -> assertThat(parameter.getRequired()).isTrue());
                Set<String> names = path.stream().map(Parameter::getName).collect(Collectors.toSet());
                assertThat(names).as(provider.slug() + " " + op.id()).isEqualTo(placeholders(op.path()));
            }
        }
    }

    @Test
    void everyOperationDescribesASuccessResponse() {
        for (Provider provider : CuratedDocuments.withDocument()) {
            for (Op op : CuratedDocuments.operations(CuratedDocuments.resolved(provider))) {
                assertThat(op.operation().getSummary()).as(op.id()).isNotBlank();
                assertThat(op.operation().getResponses().keySet()).as(provider.slug() + " " + op.id())
                        .anyMatch(status -> status.startsWith("2"));
            }
        }
    }

    @Test
    void requestBodiesAreJsonOrFormObjects() {
        for (Provider provider : CuratedDocuments.withDocument()) {
            for (Op op : CuratedDocuments.operations(CuratedDocuments.resolved(provider))) {
                if (op.operation().getRequestBody() == null) {
                    continue;
                }
                var content = op.operation().getRequestBody().getContent();
                assertThat(content.keySet()).as(op.id()).hasSize(1).first()
                        .isIn("application/json", "application/x-www-form-urlencoded");
                assertThat(content.values().iterator().next().getSchema().getType()).as(op.id()).isEqualTo("object");
            }
        }
    }

    @Test
    void validationToolIsAReadOnlyOperationWhoseRequiredParametersTheDefaultArgumentsSupply() {
        for (Provider provider : CuratedDocuments.withDocument()) {
            ValidationSpec validation = provider.validation();
            Op op = CuratedDocuments.operations(CuratedDocuments.resolved(provider)).stream()
                    .filter(candidate -> candidate.id().equals(validation.tool())).findFirst().orElse(null);

            assertThat(op).as(provider.slug() + " validation tool " + validation.tool()).isNotNull();
            // Reads are GETs; RPC-style APIs (Slack's auth.test) read with a POST that has no body.
            assertThat(op.method().equals("GET") || op.method().equals("POST")
                    && op.operation().getRequestBody() == null).as(op.id() + " is read-only").isTrue();
            Map<String, Parameter> byName = parameters(op).stream()
                    .collect(Collectors.toMap(Parameter::getName, parameter -> parameter));
            assertThat(byName.keySet()).as(op.id()).containsAll(validation.arguments().keySet());
            byName.values().stream()
                    .filter(parameter -> Boolean.TRUE.equals(parameter.getRequired()))
                    .filter(parameter -> parameter.getSchema().getDefault() == null)
                    .forEach(parameter -> assertThat(validation.arguments()).as(op.id())
                            .containsKey(parameter.getName()));
            validation.arguments().forEach((name, value) ->
                    assertThat(fits(byName.get(name).getSchema(), value)).as(op.id() + " argument " + name).isTrue());
        }
    }

    private static List<Parameter> parameters(Op op) {
        return op.operation().getParameters() == null ? List.of() : op.operation().getParameters();
    }

    private static Set<String> placeholders(String template) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static boolean fits(Schema<?> schema, Object value) {
        String type = Objects.requireNonNullElse(schema.getType(), "string");
        return switch (type) {
            case "integer" -> value instanceof Integer || value instanceof Long;
            case "number" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            case "array" -> value instanceof List;
            case "object" -> value instanceof Map;
            default -> value instanceof String;
        };
    }
}
