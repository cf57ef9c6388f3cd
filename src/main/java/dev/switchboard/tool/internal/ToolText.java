package dev.switchboard.tool.internal;

import dev.switchboard.tool.ToolNames;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  /** A summary longer than this is a paragraph: its first sentence is the title, when it has one that fits. */
  static final int LONG_SUMMARY = 80;
  /** The first sentence, without its end mark ({@code . ! ?} then a space and an upper-case letter). */
  private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.+?)[.!?]\\s+(?=\\p{Lu})");
  /** One word that is an identifier: camel case, or joined by {@code _ / . -}, maybe ending {@code ()}. */
  private static final Pattern IDENTIFIER = Pattern.compile(
      "(?=\\S*([a-z][A-Z]|[A-Za-z0-9][_/.][A-Za-z]))[A-Za-z][A-Za-z0-9_./-]*(\\(\\))?");

  private ToolText() {}

  /**
   * The summary as one line of plain text; without one, a readable form of the operation id
   * ({@code pulls/list-comments} → "Pulls list comments", {@code listRepos} → "List repos"), else
   * method and path ({@code GET /repos/{owner}}). A summary that is itself an identifier (Trello's
   * {@code deleteActionsByIdAction()}) is made readable the same way. Never empty.
   */
  static String title(JsonNode operation, String method, String path) {
    String summary = plain(HtmlMarkdown.of(Nodes.text(operation, "summary")));
    if (IDENTIFIER.matcher(summary).matches()) {
      return readable(summary); // a summary that is an identifier (Trello's "deleteActionsByIdAction()")
    }
    if (!summary.isEmpty()) {
      return cut(firstSentence(summary), MAX_TITLE);
    }
    String operationId = Nodes.text(operation, "operationId").strip();
    if (!operationId.isEmpty()) {
      return readable(operationId);
    }
    return cut(method.toUpperCase(Locale.ROOT) + " " + path, MAX_TITLE);
  }

  /**
   * {@code summary} itself, or its first sentence when it is longer than {@value #LONG_SUMMARY} characters
   * (OpenAI's summaries are paragraphs: "Creates a model response. Provide text or image inputs…" →
   * "Creates a model response") and that sentence is at most {@value #MAX_TITLE}.
   */
  private static String firstSentence(String summary) {
    if (summary.length() <= LONG_SUMMARY) {
      return summary;
    }
    Matcher first = FIRST_SENTENCE.matcher(summary);
    return first.find() && first.group(1).length() <= MAX_TITLE ? first.group(1) : summary;
  }

  /** {@code identifier} as capitalised words: {@code pulls/list-comments} → "Pulls list comments". */
  private static String readable(String identifier) {
    String words = ToolNames.snakeCase(identifier).replace('_', ' ');
    return cut(Character.toUpperCase(words.charAt(0)) + words.substring(1), MAX_TITLE);
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
