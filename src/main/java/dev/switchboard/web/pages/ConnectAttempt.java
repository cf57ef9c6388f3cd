package dev.switchboard.web.pages;

import java.util.Map;

/**
 * A connect form sent back with problems, to show again: the method, the label and the non-secret
 * values typed, the message per schema field and one for the whole form (or null).
 */
record ConnectAttempt(String method, String label, Map<String, String> values, Map<String, String> errors,
    String error) {}
