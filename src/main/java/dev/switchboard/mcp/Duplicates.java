package dev.switchboard.mcp;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Recognises Jackson's {@code STRICT_DUPLICATE_DETECTION} failure ("Duplicate Object property
 * \"x\"") and names the repeated key, which is a key and never a value. Stateless.
 */
final class Duplicates {
  private static final String PREFIX = "Duplicate Object property \"";

  private Duplicates() {}

  static boolean is(JacksonException e) {
    return e instanceof StreamReadException && e.getOriginalMessage() != null
        && e.getOriginalMessage().startsWith(PREFIX);
  }

  static String key(JacksonException e) {
    String m = e.getOriginalMessage();
    int end = m.indexOf('"', PREFIX.length());
    String key = end < 0 ? m.substring(PREFIX.length()) : m.substring(PREFIX.length(), end);
    return key.length() > 64 ? key.substring(0, 64) + "…" : key;
  }
}
