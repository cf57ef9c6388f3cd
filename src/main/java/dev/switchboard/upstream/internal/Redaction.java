package dev.switchboard.upstream.internal;

import java.util.List;

/**
 * Replaces every secret value of a credential (4 characters or more) by {@code [redacted]} in a
 * text that came back from an upstream, which may echo what it was sent.
 */
final class Redaction {
  private Redaction() {}

  static String apply(String text, List<String> secretValues) {
    String out = text;
    for (String value : secretValues) {
      if (value.length() >= 4 && out.contains(value)) {
        out = out.replace(value, "[redacted]");
      }
    }
    return out;
  }
}
