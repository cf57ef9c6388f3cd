package dev.switchboard.web.pages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** Small wording helpers shared by the pages. */
final class Text {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  private Text() {}

  /** The message with a capital first letter and a final full stop. */
  static String sentence(String message) {
    if (message == null || message.isBlank()) {
      return "";
    }
    String s = Character.toUpperCase(message.charAt(0)) + message.substring(1);
    return s.endsWith(".") || s.endsWith("!") || s.endsWith("?") ? s : s + ".";
  }

  /** {@code ACCESS_TOKEN} → "Access token". */
  static String word(String constant) {
    String lower = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  static String when(Instant instant) {
    return instant == null ? "—" : WHEN.format(instant);
  }

  static String when(Optional<Instant> instant) {
    return instant.map(Text::when).orElse("never");
  }
}
