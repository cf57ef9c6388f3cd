package dev.switchboard.tool;

import dev.switchboard.tool.internal.ApiDocument;
import dev.switchboard.tool.internal.JsonSchemas;
import dev.switchboard.tool.internal.OpenApiDocuments;
import dev.switchboard.tool.internal.OperationImporter;
import dev.switchboard.tool.internal.OperationSkipped;
import dev.switchboard.tool.internal.Operations;
import dev.switchboard.tool.internal.SecuritySchemes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Imports an API description (OpenAPI 3.0, 3.1 or Swagger 2.0; JSON or YAML) as tools: one
 * {@link Tool} with an {@link HttpOperation} recipe per operation it can express, and a named
 * {@link SkipReason} for each one it cannot. A pure function: no I/O (external {@code $ref}s are
 * refused, never fetched), no state, the same text always gives the same report. The mapping
 * rules are in {@code docs/openapi-import.md}. Thread-safe.
 */
public final class OpenApiImport {
  /**
   * The most characters of text the reader takes, whatever the administrator's document limit
   * ({@code SWITCHBOARD_MAX_DOCUMENT_BYTES}, checked before the import, is at most this).
   */
  public static final int MAX_CHARACTERS = 64 * 1024 * 1024;
  /** The warning of an import with no operation to pick as the default validation tool. */
  public static final String NO_READ_ONLY_OPERATION = "no read-only (GET or HEAD) operation: there is no default "
      + "validation tool, name one of the imported tools (validationTool, --validation-tool)";

  private OpenApiImport() {}

  /**
   * Imports {@code documentText} for provider {@code providerSlug}.
   *
   * @param providerSlug the provider's slug, the prefix of every tool name (1–40 characters of
   *     {@code [A-Za-z0-9_-]})
   * @param documentText the whole document, JSON or YAML
   * @throws OpenApiImportException when the text is not an API description
   * @throws IllegalArgumentException when the slug is not one
   */
  public static ImportReport importDocument(String providerSlug, String documentText) {
    return importDocument(providerSlug, documentText, Set.of());
  }

  /**
   * Imports {@code documentText} for provider {@code providerSlug}; parameters and top-level body fields
   * named in {@code credentialParameters} are left out of tool inputs and filled from the credential
   * (Slack's {@code token}), as are parameters carrying a security scheme's secret.
   */
  public static ImportReport importDocument(String providerSlug, String documentText,
      Set<String> credentialParameters) {
    ToolNames.of(providerSlug, "check"); // fails fast on a bad slug
    ApiDocument document = OpenApiDocuments.parse(documentText);
    List<SkippedOperation> skipped = new ArrayList<>();
    List<Operations.Ref> operations = Operations.of(document, skipped);
    List<String> names = ToolNames.unique(providerSlug, operations.stream().map(Operations.Ref::rawName).toList());
    SecuritySchemes security = new SecuritySchemes(document);
    OperationImporter importer = new OperationImporter(providerSlug, document, Schemas.SHARED, security,
        credentialParameters);
    List<Tool> tools = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      Operations.Ref operation = operations.get(i);
      try {
        tools.add(importer.toTool(names.get(i), operation));
      } catch (OperationSkipped e) {
        skipped.add(new SkippedOperation(operation.method(), operation.path(), e.reason(), e.getMessage()));
      }
    }
    skipped.sort(Comparator.comparing(SkippedOperation::path).thenComparing(SkippedOperation::method));
    List<String> warnings = new ArrayList<>(document.warnings());
    if (!tools.isEmpty() && DefaultValidationTool.pick(tools).isEmpty()) {
      warnings.add(NO_READ_ONLY_OPERATION);
    }
    return new ImportReport(document.title(), document.serverUrl(), tools, skipped, warnings,
        security.auth(operations));
  }

  /** Loads the meta-schema once, on first use. */
  private static final class Schemas {
    static final JsonSchemas SHARED = new JsonSchemas();
  }
}
