package dev.switchboard.tool.internal;

import dev.switchboard.tool.SkippedOperation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The operations of a document, sorted by path and then method so that naming is stable. */
public final class Operations {
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
      "trace");

  private Operations() {}

  /**
   * One operation.
   *
   * @param method upper-case HTTP method
   * @param path the path template as written
   */
  public record Ref(String method, String path, JsonNode pathItem, JsonNode operation) {
    /** The operation id, else {@code "get /repos/{owner}"}: what its tool name is made from. */
    public String rawName() {
      String operationId = Nodes.text(operation, "operationId").strip();
      return operationId.isEmpty() ? method.toLowerCase(Locale.ROOT) + " " + path : operationId;
    }
  }

  /** The operations; path items that cannot be read go to {@code skipped} with method {@code *}. */
  public static List<Ref> of(ApiDocument document, List<SkippedOperation> skipped) {
    List<Ref> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.root().path("paths").properties()) {
      if (path.getKey().startsWith("x-")) {
        continue; // an extension of the Paths object, not a path
      }
      JsonNode pathItem;
      try {
        pathItem = document.deref(path.getValue());
      } catch (OperationSkipped e) {
        skipped.add(new SkippedOperation("*", path.getKey(), e.reason(), e.getMessage()));
        continue;
      }
      for (String method : METHODS) {
        if (pathItem.path(method).isObject()) {
          operations.add(new Ref(method.toUpperCase(Locale.ROOT), path.getKey(), pathItem, pathItem.get(method)));
        }
      }
    }
    operations.sort(Comparator.comparing(Ref::path).thenComparing(Ref::method));
    return operations;
  }
}
