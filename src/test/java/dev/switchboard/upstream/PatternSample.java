package dev.switchboard.upstream;

import java.util.Optional;

/**
 * A string matching a simple regular expression, as a model reading a schema's {@code pattern}
 * would write one: literals, escapes ({@code \d}, {@code \w}, {@code \.}), character classes and
 * the quantifiers {@code {n}}, {@code {n,m}}, {@code ?}, {@code *} and {@code +}, anchored or not
 * (Twilio's SIDs: {@code ^AC[0-9a-fA-F]{32}$}). Empty for anything else (groups, alternatives).
 */
final class PatternSample {
  private PatternSample() {}

  static Optional<String> of(String pattern) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    String unit = null;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if ((c == '^' && i == 0) || (c == '$' && i == pattern.length() - 1)) {
        i++;
        continue;
      }
      if (c == '(' || c == ')' || c == '|' || c == '.') {
        return Optional.empty();
      }
      if (c == '{' || c == '?' || c == '*' || c == '+') {
        if (unit == null) {
          return Optional.empty();
        }
        int min;
        if (c == '{') {
          int close = pattern.indexOf('}', i);
          if (close < 0) {
            return Optional.empty();
          }
          String bounds = pattern.substring(i + 1, close);
          try {
            min = Integer.parseInt(bounds.contains(",") ? bounds.substring(0, bounds.indexOf(',')) : bounds);
          } catch (NumberFormatException e) {
            return Optional.empty();
          }
          i = close + 1;
        } else {
          min = c == '+' ? 1 : 0;
          i++;
        }
        out.setLength(out.length() - unit.length());
        out.append(unit.repeat(Math.max(min, 0)));
        unit = null;
        continue;
      }
      if (c == '[') {
        int close = pattern.indexOf(']', i + 1);
        if (close < 0 || pattern.charAt(i + 1) == '^' || pattern.charAt(i + 1) == '\\') {
          return Optional.empty();
        }
        unit = String.valueOf(pattern.charAt(i + 1));
        i = close + 1;
      } else if (c == '\\' && i + 1 < pattern.length()) {
        char escaped = pattern.charAt(i + 1);
        unit = switch (escaped) {
          case 'd' -> "1";
          case 'w' -> "a";
          case 's' -> " ";
          default -> Character.isLetterOrDigit(escaped) ? null : String.valueOf(escaped);
        };
        if (unit == null) {
          return Optional.empty();
        }
        i += 2;
      } else {
        unit = String.valueOf(c);
        i++;
      }
      out.append(unit);
    }
    return Optional.of(out.toString());
  }
}
