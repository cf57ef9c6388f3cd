package dev.switchboard.tool.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchboard.tool.DocumentTooComplexException;
import dev.switchboard.tool.OpenApiImportException;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads the text of an API description with swagger-parser: JSON or YAML; OpenAPI 3.0 and 3.1 as
 * written, Swagger 2.0 converted to OpenAPI 3.0. References are never resolved by the parser
 * ({@code resolve=false}), so nothing is fetched; {@link ApiDocument} resolves local ones. The
 * text is first read within limits by {@link BoundedReader}; swagger-parser only sees that tree
 * (or, for Swagger 2.0, its JSON form), never YAML with aliases. The only class that drives swagger-parser. Stateless and thread-safe.
 */
public final class OpenApiDocuments {
  private static final int MAX_WARNINGS = 20;
  private static final int MAX_WARNING_LENGTH = 300;

  private OpenApiDocuments() {}

  /** Parses {@code text}; throws {@link OpenApiImportException} when it is not an API description. */
  public static ApiDocument parse(String text) {
    if (text == null || text.isBlank()) {
      throw new OpenApiImportException(List.of("the document is empty"));
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(false); // no $ref following, hence no network (see docs/openapi-import.md)
    com.fasterxml.jackson.databind.JsonNode tree;
    try {
      // read within limits before swagger-parser sees anything (it would expand YAML aliases)
      tree = BoundedReader.read(text);
    } catch (DocumentTooComplexException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new OpenApiImportException(List.of(rootMessage(e)));
    }
    if (tree == null || !tree.isObject()) {
      throw new OpenApiImportException(List.of("the document is not a JSON or YAML object"));
    }
    boolean swagger2 = "2.0".equals(tree.path("swagger").asText());
    SwaggerParseResult result;
    try {
      result = swagger2
          ? new SwaggerConverter().readContents(Json.mapper().writeValueAsString(tree), null, options)
          : new OpenAPIV3Parser().parseJsonNode(null, tree, options);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new OpenApiImportException(List.of(rootMessage(e)));
    }
    List<String> messages = result == null || result.getMessages() == null ? List.of() : result.getMessages();
    if (result == null || result.getOpenAPI() == null) {
      List<String> problems = new ArrayList<>(messages);
      problems.add("expected \"openapi\": \"3.0.x\" or \"3.1.x\", or \"swagger\": \"2.0\"");
      throw new OpenApiImportException(problems);
    }
    // 3.x documents are used as written (swagger's models lose 3.1 keywords); 2.0 through its conversion
    com.fasterxml.jackson.databind.JsonNode source = swagger2 ? Json.mapper().valueToTree(result.getOpenAPI()) : tree;
    JsonNode document = JacksonTrees.toJackson3(source);
    if (swagger2) {
      FormDataOperations.mark(JacksonTrees.toJackson3(tree), document);
    }
    return new ApiDocument(document, warnings(messages));
  }

  private static List<String> warnings(List<String> messages) {
    return messages.stream().limit(MAX_WARNINGS)
        .map(m -> m.length() > MAX_WARNING_LENGTH ? m.substring(0, MAX_WARNING_LENGTH) + "…" : m).toList();
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
