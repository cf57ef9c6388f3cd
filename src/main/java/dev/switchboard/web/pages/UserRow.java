package dev.switchboard.web.pages;

/** One user on the Admin page. */
public record UserRow(String email, boolean admin, boolean mustChangePassword, String created) {}
