package dev.switchboard.web.pages;

/**
 * The change-password form: whether the person must change it before going on (the bootstrap
 * admin's one-time password), and the message per field (null when fine).
 */
public record PasswordForm(boolean required, String currentError, String nextError, String confirmError) {}
