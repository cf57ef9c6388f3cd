package dev.switchboard.tool.internal;

import dev.switchboard.tool.ToolNames;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The title and description of an operation's tool, as plain text or Markdown: HTML in summaries and
 * descriptions (Stripe's) is converted by {@link HtmlMarkdown}.
 */
final class ToolText {
  /** Longest description kept; longer ones are cut and end with "…". */
  static final int MAX_DESCRIPTION = 1_000;
  /** Longest title kept. */
  static final int MAX_TITLE = 200;

  private ToolText() {}

  /**
   * The summary as one line of plain text; without one, a readable form of the operation id
   * ({@code pulls/list-comments} → "Pulls list comments", {@code listRepos} → "List repos"), else
   * method and path ({@code GET /repos/{owner}}). Never empty.
   */
  static String title(JsonNode operation, String method, String path) {
    String summary = plain(HtmlMarkdown.of(Nodes.text(operation, "summary")));
    if (!summary.isEmpty()) {
      return cut(summary, MAX_TITLE);
    }
    String operationId = Nodes.text(operation, "operationId").strip();
    if (!operationId.isEmpty()) {
      String words = ToolNames.snakeCase(operationId).replace('_', ' ');
      return cut(Character.toUpperCase(words.charAt(0)) + words.substring(1), MAX_TITLE);
    }
    return cut(method.toUpperCase(Locale.ROOT) + " " + path, MAX_TITLE);
  }

  /** Summary, a blank line, description; each converted to Markdown, empty parts left out; cut to 1,000 characters. */
  static String description(JsonNode operation) {
    String summary = HtmlMarkdown.of(Nodes.text(operation, "summary")).strip();
    String description = HtmlMarkdown.of(Nodes.text(operation, "description")).strip();
    String text = summary.isEmpty() || description.isEmpty() ? summary + description : summary + "\n\n" + description;
    return cut(text, MAX_DESCRIPTION);
  }

  /** {@code text} on one line, Markdown emphasis and code marks removed. */
  private static String plain(String text) {
    return text.replaceAll("\\*\\*|`", "").replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").replaceAll("\\s+", " ")
        .strip();
  }

  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
    return text.substring(0, end).stripTrailing() + "…";
  }
}
