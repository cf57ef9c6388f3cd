package dev.switchboard.web.pages;

import dev.switchboard.audit.Notification;
import dev.switchboard.audit.Notifications;
import java.util.Optional;

/** Builds the {@link Shell} of a signed-in person's page, with their unread notification count. */
final class Frames {
  private static final int COUNTED = 50;
  private final Notifications notifications;

  Frames(Notifications notifications) {
    this.notifications = notifications;
  }

  Shell of(Caller caller, String title, String section) {
    int unread = (int) notifications.list(caller.userId(), Optional.empty(), COUNTED).items().stream()
        .filter(Notification::open).count();
    return new Shell(title, section, caller.user().email(), caller.admin(), caller.csrf(), caller.flash(),
        unread);
  }
}
