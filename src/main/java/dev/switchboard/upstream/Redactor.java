package dev.switchboard.upstream;

import dev.switchboard.upstream.internal.EscapedText;
import dev.switchboard.upstream.internal.SecretForms;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hides the secrets of one call in whatever comes back from the upstream (docs/security/redaction.md):
 * each secret value, the values of the headers and query parameters that carried the credential,
 * and the user:password pair of HTTP Basic, in every form an echo takes — literal, JSON-escaped
 * (any character as a backslash-u escape, {@code \/}), percent-encoded (either hex case, {@code +} for a
 * space), these escapes nested up to three layers deep, and Base64 (standard and URL-safe, padded or
 * not). Texts are redacted as they arrive and parsed JSON again, string values and object keys alike,
 * since the decoded tree is what reaches the client; a number whose digits hold a secret becomes the
 * mask string. Each occurrence becomes {@value #MASK}. Values shorter than 4 characters are not
 * searched for. Build one per call with {@link #builder()}; immutable and thread safe once built.
 */
public final class Redactor {
  /** What a secret is replaced by. */
  public static final String MASK = "[redacted]";
  private static final Redactor NONE = new Redactor(List.of());
  private final List<String> needles;

  private Redactor(Collection<String> forms) {
    List<String> longestFirst = new ArrayList<>(forms);
    longestFirst.sort((a, b) -> b.length() - a.length());
    this.needles = List.copyOf(longestFirst);
  }

  /** A redactor that changes nothing. */
  public static Redactor none() {
    return NONE;
  }

  /** A redactor for these secret values (nulls are skipped). */
  public static Redactor of(Collection<String> secrets) {
    return builder().secrets(secrets).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** True when it has nothing to look for. */
  public boolean isEmpty() {
    return needles.isEmpty();
  }

  /** {@code text} with every form of every secret replaced; null stays null. */
  public String redact(String text) {
    if (text == null || needles.isEmpty()) {
      return text;
    }
    return EscapedText.redact(text, needles, MASK);
  }

  /**
   * Like {@link #redact(String)} for a text that was cut short (a capped body): its end is also
   * dropped when it could be the beginning of a secret in any form, so no prefix survives the cut.
   */
  public String redactCut(String text) {
    if (text == null || needles.isEmpty()) {
      return text;
    }
    return EscapedText.redactCut(text, needles, MASK);
  }

  /** {@code result} with its text, its structured content and its content blocks redacted. */
  public ToolResult redact(ToolResult result) {
    if (needles.isEmpty()) {
      return result;
    }
    return new ToolResult(result.outcome(), redact(result.text()), result.structured().map(this::redact),
        result.upstreamStatus(), result.content().map(this::redact));
  }

  /** {@code node} with its strings and object keys redacted; itself when nothing changed. */
  public JsonNode redact(JsonNode node) {
    if (node == null || needles.isEmpty()) {
      return node;
    }
    if (node.isString()) {
      String redacted = redact(node.asString());
      return redacted.equals(node.asString()) ? node : JsonNodeFactory.instance.stringNode(redacted);
    }
    if (node.isNumber()) {
      // a numeric secret echoed as a JSON number: the whole number becomes the mask
      String digits = node.isFloatingPointNumber() ? node.decimalValue().toPlainString() : node.asString();
      return redact(digits).equals(digits) && redact(node.asString()).equals(node.asString())
          ? node : JsonNodeFactory.instance.stringNode(MASK);
    }
    if (node.isObject()) {
      ObjectNode copy = null;
      int seen = 0;
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        String key = redact(property.getKey());
        JsonNode value = redact(property.getValue());
        if (copy == null && (!key.equals(property.getKey()) || value != property.getValue())) {
          copy = JsonNodeFactory.instance.objectNode();
          int copied = 0;
          for (Map.Entry<String, JsonNode> earlier : node.properties()) {
            if (copied++ == seen) {
              break;
            }
            copy.set(earlier.getKey(), earlier.getValue());
          }
        }
        if (copy != null) {
          copy.set(key, value);
        }
        seen++;
      }
      return copy == null ? node : copy;
    }
    if (node.isArray()) {
      ArrayNode copy = null;
      for (int i = 0; i < node.size(); i++) {
        JsonNode value = redact(node.get(i));
        if (copy == null && value != node.get(i)) {
          copy = JsonNodeFactory.instance.arrayNode(node.size());
          for (int k = 0; k < i; k++) {
            copy.add(node.get(k));
          }
        }
        if (copy != null) {
          copy.add(value);
        }
      }
      return copy == null ? node : copy;
    }
    return node;
  }

  /** Never prints a secret. */
  @Override
  public String toString() {
    return "Redactor[" + needles.size() + " forms]";
  }

  /** Collects the secrets of one call. Not thread safe. */
  public static final class Builder {
    private final Set<String> forms = new LinkedHashSet<>();

    private Builder() {}

    /** A secret value; null or shorter than 4 characters adds nothing. */
    public Builder secret(String value) {
      SecretForms.add(value, forms);
      return this;
    }

    public Builder secrets(Collection<String> values) {
      values.forEach(this::secret);
      return this;
    }

    /**
     * The value of a header or query parameter that carried the credential: the whole value, the
     * token after its scheme ({@code Bearer …}, or any custom prefix ending in a space) and, for
     * {@code Basic}, the decoded {@code user:password} pair and the password.
     */
    public Builder injected(String value) {
      if (value == null) {
        return this;
      }
      secret(value);
      int space = value.indexOf(' ');
      if (space > 0) {
        String token = value.substring(space + 1).trim();
        secret(token);
        if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
          basicToken(token);
        }
      }
      return this;
    }

    /** The headers that carried the credential ({@link #injected} for each value). */
    public Builder headers(Collection<Header> headers) {
      headers.forEach(h -> injected(h.value()));
      return this;
    }

    /** HTTP Basic material: the {@code user:password} pair (with its Base64 forms) and the password. */
    public Builder basic(String user, String password) {
      if (password != null) {
        secret((user == null ? "" : user) + ":" + password);
        secret(password);
      }
      return this;
    }

    public Redactor build() {
      return forms.isEmpty() ? NONE : new Redactor(forms);
    }

    private void basicToken(String token) {
      for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
        try {
          String pair = new String(decoder.decode(token), StandardCharsets.UTF_8);
          int colon = pair.indexOf(':');
          secret(pair);
          if (colon >= 0) {
            secret(pair.substring(colon + 1));
          }
          return;
        } catch (IllegalArgumentException e) {
          // not this alphabet; the token itself is redacted already
        }
      }
    }
  }
}
