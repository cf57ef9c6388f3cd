package dev.switchboard.tool.internal;

import tools.jackson.databind.JsonNode;

/** The title and description of an operation's tool. */
final class ToolText {
  /** Longest description kept; longer ones are cut and end with "…". */
  static final int MAX_DESCRIPTION = 1_000;

  private ToolText() {}

  /** The trimmed summary, or null (the tool then shows its name). */
  static String title(JsonNode operation) {
    String summary = Nodes.text(operation, "summary").strip();
    return summary.isEmpty() ? null : cut(summary, 200);
  }

  /** Summary, a blank line, description; each trimmed, empty parts left out; cut to 1,000 characters. */
  static String description(JsonNode operation) {
    String summary = Nodes.text(operation, "summary").strip();
    String description = Nodes.text(operation, "description").strip();
    String text = summary.isEmpty() || description.isEmpty() ? summary + description : summary + "\n\n" + description;
    return cut(text, MAX_DESCRIPTION);
  }

  private static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
    return text.substring(0, end).stripTrailing() + "…";
  }
}
