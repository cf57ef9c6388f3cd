package dev.switchboard.upstream.internal;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The upstream's {@code Retry-After} header value, repeated only when it is what RFC 9110 §10.2.3 allows. */
final class RetryAfter {
  private RetryAfter() {}

  /**
   * {@code "N seconds"} for delay seconds, the date itself for an HTTP date; empty for anything else
   * (an upstream could put any text there, a secret included).
   */
  static Optional<String> describe(String value) {
    String trimmed = value.trim();
    if (!trimmed.isEmpty() && trimmed.length() <= 10 && trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.of(trimmed + " seconds");
    }
    try {
      DateTimeFormatter.RFC_1123_DATE_TIME.parse(trimmed);
      return Optional.of(trimmed);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
