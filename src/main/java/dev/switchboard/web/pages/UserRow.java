package dev.switchboard.web.pages;

/** One user on the Admin page; {@code self} is the admin looking at it (no disable or delete). */
public record UserRow(String id, String email, boolean admin, boolean mustChangePassword, boolean disabled,
    boolean self, String created) {}
