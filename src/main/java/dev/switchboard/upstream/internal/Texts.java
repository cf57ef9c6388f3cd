package dev.switchboard.upstream.internal;

/** Short, single-line texts from upstream answers, for messages people read. */
final class Texts {
  private static final int MAX_CHARS = 300;

  private Texts() {}

  /**
   * {@code text} on one line, cut at 300 characters. A cut drops the word it would split: these
   * texts are redacted later, and a secret cut in half would no longer be recognised, so its first
   * part would survive.
   */
  static String oneLine(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    if (line.length() <= MAX_CHARS) {
      return line;
    }
    int end = line.charAt(MAX_CHARS) == ' ' ? MAX_CHARS : line.lastIndexOf(' ', MAX_CHARS);
    return (end <= 0 ? "" : line.substring(0, end) + " ") + "…";
  }
}
