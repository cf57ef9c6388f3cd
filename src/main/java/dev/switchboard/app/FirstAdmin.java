package dev.switchboard.app;

import dev.switchboard.account.User;
import dev.switchboard.account.Users;
import dev.switchboard.store.Ids;
import java.util.Optional;

/**
 * Creates the first admin when the database has no user: from {@code SWITCHBOARD_ADMIN_EMAIL} and
 * {@code SWITCHBOARD_ADMIN_PASSWORD} when both are set, otherwise {@code admin@localhost} with a
 * random one-time password that must be changed at the first sign-in.
 */
final class FirstAdmin {
  static final String DEFAULT_EMAIL = "admin@localhost";

  /** A created admin and, when generated, the one-time password to print once. */
  record Created(User user, Optional<String> oneTimePassword) {
    @Override
    public String toString() {
      return "Created[" + user.email() + "]";
    }
  }

  private FirstAdmin() {}

  static Optional<Created> ensure(Users users, Settings settings) {
    if (users.count() > 0) {
      return Optional.empty();
    }
    if (settings.adminEmail().isPresent() && settings.adminPassword().isPresent()) {
      User user = users.create(settings.adminEmail().get(), settings.adminPassword().get(), true, false);
      return Optional.of(new Created(user, Optional.empty()));
    }
    String password = Ids.random(20);
    User user = users.create(settings.adminEmail().orElse(DEFAULT_EMAIL), password, true, true);
    return Optional.of(new Created(user, Optional.of(password)));
  }
}
