package dev.switchboard.app;

import dev.switchboard.account.AccessToken;
import dev.switchboard.account.IssuedToken;
import dev.switchboard.account.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchboard token …}: personal access tokens for AI clients and scripts. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Create, list and revoke access tokens.")
final class TokenCommand {
  private final CliEnvironment env;

  TokenCommand(CliEnvironment env) {
    this.env = env;
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create an access token; it is printed once, alone on the last line.")
  int create(
      @Option(names = "--email", required = true, description = "The owner's email") String email,
      @Option(names = "--name", required = true, description = "What the token is for") String name) {
    return env.withAccounts(app -> {
      IssuedToken issued = app.tokens.issue(user(app, email).id(), name);
      env.out().println("created token " + issued.info().id() + " for " + email
          + "; copy it now, it is not shown again:");
      env.out().println(issued.token());
      return 0;
    });
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List a user's tokens.")
  int list(@Option(names = "--email", required = true, description = "The owner's email") String email) {
    return env.withAccounts(app -> {
      for (AccessToken t : app.tokens.list(user(app, email).id())) {
        env.out().printf("%s  %-24s %s  created %s  last used %s%s%n", t.id(), t.name(), t.hint(),
            t.createdAt(), t.lastUsedAt().map(Object::toString).orElse("never"),
            t.revokedAt().map(r -> "  revoked " + r).orElse(""));
      }
      return 0;
    });
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token.")
  int revoke(
      @Option(names = "--email", required = true, description = "The owner's email") String email,
      @Option(names = "--id", required = true, description = "The token id (tok_…)") String id) {
    return env.withAccounts(app -> {
      app.tokens.revoke(user(app, email).id(), id);
      env.out().println("revoked " + id);
      return 0;
    });
  }

  private static User user(AccountStores app, String email) {
    return app.users.byEmail(email)
        .orElseThrow(() -> new IllegalArgumentException("no user with email " + email));
  }
}
