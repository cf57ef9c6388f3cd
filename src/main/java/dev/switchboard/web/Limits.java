package dev.switchboard.web;

import dev.switchboard.error.SwitchboardException;

/** The {@code limit} query parameter of listings: 50 when absent. */
final class Limits {
  private Limits() {}

  static int of(String raw) {
    if (raw == null) {
      return 50;
    }
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw SwitchboardException.invalid("invalid_limit", "limit must be a whole number");
    }
  }
}
