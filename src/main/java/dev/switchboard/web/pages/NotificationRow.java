package dev.switchboard.web.pages;

/**
 * One notification: what happened, the fix, and the page where it is made (or null); {@code resolved}
 * says when the problem ended (the gateway saw it fixed), or null.
 */
public record NotificationRow(String id, String title, String message, String fix, String link, String when,
    boolean unread, String resolved) {}
