package dev.switchboard.tool;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tools an OpenAPI import produced, as JSON to store beside the document, so that start-up,
 * catalog refreshes and other instances read them back instead of parsing the document again.
 * Only {@link HttpOperation} recipes are stored (imports make nothing else). The text names its
 * {@code format}; a text of another format reads as empty, and the caller imports the document again.
 * Stateless and thread-safe.
 */
public final class StoredTools {
  /** Bump when the stored shape changes; older texts are then re-imported once from their document. */
  public static final int FORMAT = 2;

  private record Stored(int format, List<StoredTool> tools) {}

  private record StoredTool(String name, String provider, String localName, String title, String description,
      JsonNode inputSchema, Set<String> requiredScopes, HttpOperation http) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private StoredTools() {}

  /**
   * The JSON of {@code tools}.
   *
   * @throws IllegalArgumentException when a tool's recipe is not an {@link HttpOperation}
   */
  public static String write(List<Tool> tools) {
    List<StoredTool> stored = tools.stream().map(t -> {
      if (!(t.recipe() instanceof HttpOperation http)) {
        throw new IllegalArgumentException("only HTTP operations are stored, not " + t.name());
      }
      return new StoredTool(t.name(), t.provider(), t.localName(), t.title(), t.description(), t.inputSchema(),
          t.requiredScopes(), http);
    }).toList();
    return JSON.writeValueAsString(new Stored(FORMAT, stored));
  }

  /** How many characters of a stored text {@link #isCurrent} needs to see. */
  public static final int HEAD_LENGTH = 16;

  /**
   * True when a stored text starting with {@code head} (its first {@link #HEAD_LENGTH} characters
   * or more) is of the current format, so that it can be read back without looking further.
   */
  public static boolean isCurrent(String head) {
    return head != null && head.startsWith("{\"format\":" + FORMAT + ",");
  }

  /** The tools in {@code text}; empty when it is of another format or not readable. */
  public static Optional<List<Tool>> read(String text) {
    try {
      Stored stored = JSON.readValue(text, Stored.class);
      if (stored.format() != FORMAT || stored.tools() == null) {
        return Optional.empty();
      }
      return Optional.of(stored.tools().stream().map(t -> new Tool(t.name(), t.provider(), t.localName(),
          t.title(), t.description(), t.inputSchema(), t.requiredScopes(), t.http())).toList());
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
