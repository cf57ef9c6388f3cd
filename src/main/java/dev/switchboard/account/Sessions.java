package dev.switchboard.account;

import dev.switchboard.account.internal.SessionRows;
import dev.switchboard.account.internal.TokenHash;
import dev.switchboard.store.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Dashboard sign-in sessions. The cookie holds a random token; the database holds its hash, the
 * user, a CSRF token and an expiry. Thread safe.
 */
public final class Sessions {
  /** A new session: the cookie value (secret) and its CSRF token. */
  public record Opened(String cookieValue, String csrfToken, User user) {
    @Override
    public String toString() {
      return "Opened[" + user.id() + "]";
    }
  }

  private final SessionRows rows;
  private final Users users;
  private final Clock clock;
  private final Duration ttl;
  private final SignInThrottle throttle;

  public Sessions(SessionRows rows, Users users, Clock clock, Duration ttl, SignInThrottle throttle) {
    this.rows = rows;
    this.users = users;
    this.clock = clock;
    this.ttl = ttl;
    this.throttle = throttle;
  }

  /**
   * Checks email and password and opens a session. Refuses with {@link TooManyAttempts} (before
   * checking the password) when the email or the client address failed too often lately; the
   * attempt counts as a failure from its start until the password proves right.
   *
   * @param clientAddress the address the request came from, as the server sees it
   */
  public Opened signIn(String email, String password, String clientAddress) {
    String account = Users.normalize(email);
    String address = clientAddress == null ? "" : clientAddress;
    // counted before the password is checked: parallel guesses all see each other's attempts
    SignInThrottle.Reservation attempt = throttle.reserve(account, address);
    User user;
    try {
      user = users.authenticate(account, password);
    } catch (AccountException e) {
      throw e; // a failure: the reservation stays counted
    } catch (RuntimeException e) {
      throttle.abandoned(attempt);
      throw e;
    }
    throttle.succeeded(attempt);
    String token = Ids.random(43);
    String csrf = Ids.random(32);
    Instant now = clock.instant();
    rows.deleteExpired(now);
    rows.insert(TokenHash.of(token), user.id(), csrf, now, now.plus(ttl));
    return new Opened(token, csrf, user);
  }

  /** The caller a session cookie names, or empty when it is unknown or expired. */
  public Optional<Principal> resolve(String cookieValue) {
    if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 100) {
      return Optional.empty();
    }
    return rows.find(TokenHash.of(cookieValue))
        .filter(row -> row.expiresAt().isAfter(clock.instant()))
        .flatMap(row -> users.byId(row.userId()).filter(u -> !u.disabled()).map(u ->
            Principal.of(u, Principal.Via.SESSION, row.csrfToken())));
  }

  public void signOut(String cookieValue) {
    if (cookieValue != null && !cookieValue.isEmpty()) {
      rows.delete(TokenHash.of(cookieValue));
    }
  }

  /** Ends every session of a user (after a password reset). */
  public void endAll(String userId) {
    rows.deleteForUser(userId);
  }

  /** Ends every session of a user but the one of {@code keptCookieValue} (after a password change). */
  public void endAllBut(String userId, String keptCookieValue) {
    if (keptCookieValue == null || keptCookieValue.isEmpty()) {
      endAll(userId);
    } else {
      rows.deleteForUserExcept(userId, TokenHash.of(keptCookieValue));
    }
  }
}
