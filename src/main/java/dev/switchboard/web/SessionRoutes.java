package dev.switchboard.web;

import dev.switchboard.account.Accounts;
import dev.switchboard.account.Principal;
import dev.switchboard.account.Sessions;
import dev.switchboard.account.User;
import dev.switchboard.account.Users;
import dev.switchboard.error.SwitchboardException;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Optional;

/** Dashboard sign-in: {@code /api/v1/session} and the caller's own password. */
final class SessionRoutes {
  record SignIn(String email, String password) {}

  record PasswordChange(String currentPassword, String newPassword, Boolean revokeTokens) {}

  record SessionView(Views.UserView user, String csrfToken) {}

  private final Sessions sessions;
  private final Users users;
  private final Accounts accounts;
  private final Authenticator auth;
  private final Json json;
  private final boolean secureCookies;
  private final int maxAgeSeconds;

  SessionRoutes(Sessions sessions, Users users, Accounts accounts, Authenticator auth, Json json,
      boolean secureCookies, int maxAgeSeconds) {
    this.sessions = sessions;
    this.users = users;
    this.accounts = accounts;
    this.auth = auth;
    this.json = json;
    this.secureCookies = secureCookies;
    this.maxAgeSeconds = maxAgeSeconds;
  }

  void register(ApiRoutes routes) {
    routes.post("/api/v1/session", this::signIn);
    routes.get("/api/v1/session", this::current);
    routes.delete("/api/v1/session", this::signOut);
    routes.post("/api/v1/me/password", this::changePassword);
  }

  private void signIn(Context ctx) {
    SignIn body = json.read(ctx, SignIn.class);
    if (body.email() == null || body.password() == null) {
      throw SwitchboardException.invalid("missing_fields", "email and password are required");
    }
    Sessions.Opened opened = sessions.signIn(body.email(), body.password(), ctx.ip());
    ctx.cookie(cookie(opened.cookieValue(), maxAgeSeconds));
    json.write(ctx, 200, new SessionView(Views.UserView.of(opened.user()), opened.csrfToken()));
  }

  private void current(Context ctx) {
    Principal p = auth.requireEvenBeforePasswordChange(ctx);
    User user = users.byId(p.userId()).orElseThrow(() -> SwitchboardException.notFound("user"));
    json.write(ctx, 200, new SessionView(Views.UserView.of(user), p.csrfToken()));
  }

  private void signOut(Context ctx) {
    auth.requireEvenBeforePasswordChange(ctx);
    sessions.signOut(ctx.cookie(Authenticator.SESSION_COOKIE));
    ctx.cookie(cookie("", 0));
    ctx.status(204);
  }

  private void changePassword(Context ctx) {
    Principal p = auth.requireEvenBeforePasswordChange(ctx);
    PasswordChange body = json.read(ctx, PasswordChange.class);
    // a session caller keeps the session they changed it in; a token caller keeps none
    Optional<String> kept = p.via() == Principal.Via.SESSION
        ? Optional.ofNullable(ctx.cookie(Authenticator.SESSION_COOKIE)) : Optional.empty();
    accounts.changePassword(p.userId(), kept, body.currentPassword(), body.newPassword(),
        Boolean.TRUE.equals(body.revokeTokens()));
    ctx.status(204);
  }

  private Cookie cookie(String value, int maxAge) {
    return new Cookie(Authenticator.SESSION_COOKIE, value, "/", maxAge, secureCookies, true, null,
        SameSite.STRICT);
  }
}
