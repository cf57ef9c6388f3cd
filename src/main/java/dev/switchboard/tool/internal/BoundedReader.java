package dev.switchboard.tool.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.tool.DocumentTooComplexException;
import dev.switchboard.tool.OpenApiImport;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.parser.util.DeserializationUtils;
import java.util.Locale;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads a document's text (JSON or YAML) into a Jackson 2 tree within limits, before swagger-parser
 * sees it: swagger-parser allows any number of YAML aliases and walks their expansion more than
 * once, so a 484-byte "billion laughs" took minutes. Here YAML is composed into a node graph, measured
 * by {@link NodeBudget} (aliases, expanded nodes and characters, depth, self-reference) and only then
 * constructed; JSON is read with a nesting limit. Text of either kind is at most 64 MiB characters.
 * Anything over a limit is a {@link DocumentTooComplexException}. Stateless and thread-safe; the
 * limits are in {@code docs/security/documents.md}.
 */
final class BoundedReader {
  /** Deepest nesting of objects and arrays, JSON or YAML (aliases included). */
  static final int MAX_DEPTH = 128;
  /** Aliases to collections in one YAML document (SnakeYAML's own default is 50). */
  static final int MAX_ALIASES = 200;
  /** How many nodes the aliases of one YAML document may add when expanded. */
  static final long MAX_ALIAS_EXPANSION = 100_000;
  /**
   * Characters of text read at most, JSON or YAML: the reader's ceiling; imports are first held to the
   * administrator's {@code SWITCHBOARD_MAX_DOCUMENT_BYTES} (32 MiB by default).
   */
  static final int MAX_CODE_POINTS = OpenApiImport.MAX_CHARACTERS;
  /**
   * Characters a YAML document may hold once its aliases are expanded (one per node plus its scalar's
   * length), at least: aliases to one long scalar add no nodes to speak of but multiply what is
   * written out. A document may also expand to twice its own length, so that a long document without
   * aliases (which stays below its own length) is never refused by this.
   */
  static final long MAX_EXPANDED_CHARACTERS = 64L * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
          .maxStringLength(MAX_CODE_POINTS).build())
      .build());

  private BoundedReader() {}

  /** The tree of {@code text}; null for an empty YAML document. */
  static JsonNode read(String text) {
    if (text.length() > MAX_CODE_POINTS) {
      throw tooLong(); // a JSON string, or a YAML scalar, is bounded by the text that holds it
    }
    return DeserializationUtils.isJson(text) ? json(text) : yaml(text);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (StreamConstraintsException e) {
      if (String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT).contains("nesting depth")) {
        throw new DocumentTooComplexException("it nests deeper than " + MAX_DEPTH + " levels");
      }
      // Jackson's other limits: a name longer than 50,000 characters, a number longer than 1,000 digits
      throw new DocumentTooComplexException("a name or number in it is longer than the reader accepts");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  private static JsonNode yaml(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    options.setAllowDuplicateKeys(false);
    // swagger-parser's resolver: dates stay strings, as its own YAML reading leaves them
    long expanded = Math.max(MAX_EXPANDED_CHARACTERS, 2L * text.length());
    Yaml yaml = new Yaml(new Measured(options, expanded), new Representer(new DumperOptions()), new DumperOptions(),
        options, new DeserializationUtils.CustomResolver());
    Object value;
    try {
      value = yaml.load(text);
    } catch (YAMLException e) {
      throw refusal(e);
    }
    return value == null ? null : Json.mapper().convertValue(value, JsonNode.class);
  }

  private static RuntimeException refusal(YAMLException e) {
    String message = String.valueOf(e.getMessage());
    if (message.startsWith("Number of aliases")) {
      return new DocumentTooComplexException("it has more than " + MAX_ALIASES + " aliases");
    }
    if (message.startsWith("Nesting Depth")) {
      return new DocumentTooComplexException("it nests deeper than " + MAX_DEPTH + " levels");
    }
    if (message.startsWith("The incoming YAML document exceeds the limit")) {
      return tooLong();
    }
    if (message.startsWith("Recursive key")) {
      return new DocumentTooComplexException("a key refers to the mapping that holds it");
    }
    return e;
  }

  private static DocumentTooComplexException tooLong() {
    return new DocumentTooComplexException("it is longer than " + MAX_CODE_POINTS + " characters");
  }

  /** SnakeYAML's safe constructor that measures the composed graph before building anything. */
  private static final class Measured extends SafeConstructor {
    private final long maxCharacters;

    Measured(LoaderOptions options, long maxCharacters) {
      super(options);
      this.maxCharacters = maxCharacters;
    }

    @Override
    public Object getSingleData(Class<?> type) {
      Node node = composer.getSingleNode();
      if (node == null || Tag.NULL.equals(node.getTag())) {
        return null;
      }
      new NodeBudget(MAX_DEPTH, MAX_ALIAS_EXPANSION, maxCharacters).check(node);
      if (rootTag != null) {
        node.setTag(rootTag);
      }
      return constructDocument(node);
    }
  }
}
