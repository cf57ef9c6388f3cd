package dev.switchboard.app;

import dev.switchboard.account.AccessTokens;
import dev.switchboard.account.Accounts;
import dev.switchboard.account.Passwords;
import dev.switchboard.account.Sessions;
import dev.switchboard.account.SignInThrottle;
import dev.switchboard.account.Users;
import dev.switchboard.account.internal.SessionRows;
import dev.switchboard.account.internal.TokenRows;
import dev.switchboard.account.internal.UserRows;
import dev.switchboard.authserver.internal.GrantRows;
import dev.switchboard.store.Database;
import java.time.Clock;

/**
 * Users, their sessions and access tokens on one database: what the {@code user} and {@code token}
 * commands open (no catalog, vault, outbound client or web server), and a part of {@link Switchboard}.
 */
final class AccountStores {
  final Users users;
  final AccessTokens tokens;
  final Sessions sessions;
  private final Clock clock;
  private final Database database;

  AccountStores(Settings settings, Clock clock, Database database) {
    this.clock = clock;
    this.database = database;
    this.users = new Users(new UserRows(database.jdbi()), new Passwords(settings.bcryptCost()), clock);
    this.tokens = new AccessTokens(new TokenRows(database.jdbi()), users, clock);
    this.sessions = new Sessions(new SessionRows(database.jdbi()), users, clock, settings.sessionTtl(),
        new SignInThrottle(settings.signInLimits(), clock));
  }

  /**
   * Disabling and enabling without the rest of the gateway (a disabled user's grants to AI clients
   * are revoked too, straight in their rows); deleting a user erases their credentials (revoked at
   * the provider first), which needs {@link Switchboard#accounts}.
   */
  Accounts accountsWithoutErasing() {
    GrantRows grants = new GrantRows(database.jdbi());
    return new Accounts(users, sessions, tokens, userId -> grants.revokeUser(userId, clock.instant()), userId -> {
      throw new IllegalStateException("deleting a user needs the whole gateway's wiring");
    });
  }
}
