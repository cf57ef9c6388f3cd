package dev.switchboard.tool;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The validation tool an import picks when the administrator names none: a read-only operation
 * ({@code GET} or {@code HEAD}) with the smallest required input — fewest required arguments, then
 * fewest path parameters, then fewest arguments at all, then the first in the import's order (path,
 * method). Never a writing operation: when the document has no read-only one there is no default,
 * and the administrator names one (docs/openapi-import.md). Stateless.
 */
public final class DefaultValidationTool {
  private DefaultValidationTool() {}

  /** The default validation tool among {@code imported}; empty when none of them only reads. */
  public static Optional<Tool> pick(List<Tool> imported) {
    Comparator<Tool> smallest = Comparator.comparingInt((Tool t) -> t.inputSchema().path("required").size())
        .thenComparingLong(DefaultValidationTool::pathParameters)
        .thenComparingInt(t -> t.inputSchema().path("properties").size());
    return imported.stream().filter(DefaultValidationTool::readOnly).min(smallest);
  }

  /** Whether {@code tool} is an HTTP operation whose method only reads (GET, HEAD). */
  public static boolean readOnly(Tool tool) {
    return tool.recipe() instanceof HttpOperation op && (op.method().equals("GET") || op.method().equals("HEAD"));
  }

  private static long pathParameters(Tool tool) {
    return ((HttpOperation) tool.recipe()).parameters().stream().filter(p -> p.in() == HttpOperation.In.PATH).count();
  }
}
