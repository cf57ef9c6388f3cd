package dev.switchboard.web.pages;

import java.util.List;

/** The notifications, newest first; {@code next} links to older ones or is null. */
public record NotificationsPage(List<NotificationRow> rows, String next) {}
