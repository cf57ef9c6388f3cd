package dev.switchboard.sql.internal;

import java.time.Duration;
import java.util.Locale;

/** Short human forms of durations for messages and tool descriptions: {@code 5 s}, {@code 250 ms}. */
final class Durations {
  private Durations() {}

  static String text(Duration d) {
    long millis = d.toMillis();
    if (millis % 1000 == 0) {
      return millis / 1000 + " s";
    }
    return millis >= 1000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0) : millis + " ms";
  }
}
