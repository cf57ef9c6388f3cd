package dev.switchboard.web.pages;

import java.util.Map;

/**
 * The validation form's choices: the credential and tool picked, the raw argument text per
 * property, and the problems (per input name, and one for the whole run, or null).
 */
record ValidationAttempt(String credential, String tool, Map<String, String> arguments,
    Map<String, String> errors, String error) {
  static ValidationAttempt chosen(String credential, String tool) {
    return new ValidationAttempt(credential, tool, null, Map.of(), null);
  }
}
