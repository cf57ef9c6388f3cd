package dev.switchboard.app;

import dev.switchboard.account.User;
import dev.switchboard.store.Ids;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchboard user …}: manage dashboard users. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Create, list, reset, disable and delete users.")
final class UserCommand {
  private final CliEnvironment env;

  UserCommand(CliEnvironment env) {
    this.env = env;
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a user.")
  int create(
      @Option(names = "--email", required = true, description = "Sign-in email") String email,
      @Option(names = "--password", required = true, description = "At least 10 characters") String password,
      @Option(names = "--admin", description = "Make the user an admin") boolean admin) {
    return env.withAccounts(app -> {
      User user = app.users.create(email, password, admin, false);
      env.out().println("created " + (admin ? "admin " : "user ") + user.email() + " (" + user.id() + ")");
      return 0;
    });
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List users.")
  int list() {
    return env.withAccounts(app -> {
      for (User u : app.users.all()) {
        env.out().printf("%s  %s%s%s%n", u.id(), u.email(), u.admin() ? "  admin" : "",
            u.disabled() ? "  disabled" : "");
      }
      return 0;
    });
  }

  @Command(name = "reset-password", mixinStandardHelpOptions = true,
      description = "Set a new password (generated and printed when --password is omitted) and end the user's sessions.")
  int resetPassword(
      @Option(names = "--email", required = true, description = "The user's email") String email,
      @Option(names = "--password", description = "The new password") String password) {
    return env.withAccounts(app -> {
      User user = app.users.byEmail(email)
          .orElseThrow(() -> new IllegalArgumentException("no user with email " + email));
      boolean generated = password == null;
      String next = generated ? Ids.random(20) : password;
      app.users.setPassword(user.id(), next, generated);
      app.sessions.endAll(user.id());
      env.out().println("password reset for " + user.email());
      if (generated) {
        env.out().println("one-time password (must be changed at sign-in): " + next);
      }
      return 0;
    });
  }

  @Command(name = "disable", mixinStandardHelpOptions = true,
      description = "Disable a user: sign-in, sessions, access tokens and MCP access stop at once.")
  int disable(@Option(names = "--email", required = true, description = "The user's email") String email) {
    return env.withAccounts(app -> {
      User user = app.accountsWithoutErasing().disable(Optional.empty(), user(app, email).id());
      env.out().println("disabled " + user.email() + "; their sessions ended and access tokens were revoked");
      return 0;
    });
  }

  @Command(name = "enable", mixinStandardHelpOptions = true,
      description = "Enable a disabled user again (their old sessions and tokens stay ended).")
  int enable(@Option(names = "--email", required = true, description = "The user's email") String email) {
    return env.withAccounts(app -> {
      User user = app.accountsWithoutErasing().enable(user(app, email).id());
      env.out().println("enabled " + user.email());
      return 0;
    });
  }

  @Command(name = "delete", mixinStandardHelpOptions = true,
      description = "Delete a user and everything they own; their credentials are revoked at the provider first.")
  int delete(@Option(names = "--email", required = true, description = "The user's email") String email) {
    try (Switchboard app = env.open()) {
      User user = app.accounts.delete(Optional.empty(), user(app, email).id());
      env.out().println("deleted " + user.email());
      return 0;
    }
  }

  private static User user(Switchboard app, String email) {
    return app.users.byEmail(email)
        .orElseThrow(() -> new IllegalArgumentException("no user with email " + email));
  }

  private static User user(AccountStores app, String email) {
    return app.users.byEmail(email)
        .orElseThrow(() -> new IllegalArgumentException("no user with email " + email));
  }
}
