package dev.switchboard.upstream.internal;

/** Short, single-line texts from upstream answers, for messages people read. */
final class Texts {
  private static final int MAX_CHARS = 300;

  private Texts() {}

  /** {@code text} on one line, cut at 300 characters. */
  static String oneLine(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() <= MAX_CHARS ? line : line.substring(0, MAX_CHARS) + "…";
  }
}
