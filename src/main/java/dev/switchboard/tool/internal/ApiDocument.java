package dev.switchboard.tool.internal;

import dev.switchboard.tool.SkipReason;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A parsed API description as an OpenAPI 3.x tree (Swagger 2.0 already converted), with local
 * {@code $ref} resolution. References outside the document are refused, never fetched. Immutable.
 *
 * @param root the whole document
 * @param warnings the parser's complaints that did not stop the import
 */
public record ApiDocument(JsonNode root, List<String> warnings) {
  private static final int MAX_HOPS = 32;

  public ApiDocument {
    warnings = List.copyOf(warnings);
  }

  /** True for OpenAPI 3.0 (and converted Swagger 2.0): schemas use the 3.0 dialect, not 2020-12. */
  public boolean openApi30() {
    return Nodes.text(root, "openapi").startsWith("3.0");
  }

  /** {@code info.title}, or empty. */
  public String title() {
    return Nodes.text(root.path("info"), "title");
  }

  /** The first server URL with each {@code {variable}} set to its default, or empty. */
  public Optional<String> serverUrl() {
    JsonNode server = root.path("servers").path(0);
    String url = Nodes.text(server, "url");
    for (var variable : server.path("variables").properties()) {
      url = url.replace("{" + variable.getKey() + "}", Nodes.text(variable.getValue(), "default"));
    }
    return url.isBlank() ? Optional.empty() : Optional.of(url);
  }

  /**
   * The node {@code ref} points at.
   *
   * @throws OperationSkipped {@link SkipReason#EXTERNAL_REF} for anything but a {@code #/…} pointer
   *     into this document, {@link SkipReason#UNRESOLVED_REF} when it points nowhere
   */
  public JsonNode resolve(String ref) {
    if (!ref.startsWith("#")) {
      throw new OperationSkipped(SkipReason.EXTERNAL_REF, "$ref " + Nodes.cut(ref) + " is outside the document");
    }
    String pointer = URLDecoder.decode(ref.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
    JsonNode target = pointer.isEmpty() ? root : pointerTarget(pointer);
    if (target.isMissingNode()) {
      throw new OperationSkipped(SkipReason.UNRESOLVED_REF, "$ref " + Nodes.cut(ref) + " points nowhere");
    }
    return target;
  }

  /** {@code node} itself, or what its {@code $ref} chain ends at (parameters, request bodies, …). */
  public JsonNode deref(JsonNode node) {
    JsonNode current = node;
    for (int hop = 0; Nodes.isRef(current); hop++) {
      if (hop == MAX_HOPS) {
        throw new OperationSkipped(SkipReason.UNRESOLVED_REF, "$ref chain longer than " + MAX_HOPS);
      }
      current = resolve(current.get("$ref").stringValue());
    }
    return current;
  }

  private JsonNode pointerTarget(String pointer) {
    try {
      return root.at(JsonPointer.compile(pointer));
    } catch (IllegalArgumentException e) {
      return MissingNode.getInstance();
    }
  }
}
