package dev.switchboard.web.pages;

import dev.switchboard.account.Sessions;
import dev.switchboard.account.TooManyAttempts;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.store.Ids;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;

/**
 * Sign in and out. The sign-in form carries a random token also set in a SameSite=Strict cookie, so
 * another site cannot sign a browser in to an account of its choosing (login CSRF). The session
 * cookie is the API's: {@code sb_session}, HttpOnly, SameSite=Strict, Secure on https.
 */
final class SignInPages {
  static final String PATH = "/signin";
  private static final String FORM_COOKIE = "sb_signin";
  private final Sessions sessions;
  private final Guard guard;
  private final Renderer renderer;
  private final int sessionSeconds;

  SignInPages(Sessions sessions, Guard guard, Renderer renderer, int sessionSeconds) {
    this.sessions = sessions;
    this.guard = guard;
    this.renderer = renderer;
    this.sessionSeconds = sessionSeconds;
  }

  void register(RoutesConfig routes) {
    routes.get(PATH, this::form);
    routes.post(PATH, this::signIn);
    routes.post("/signout", guard.page(this::signOut));
  }

  private void form(Context ctx) {
    if (guard.principal(ctx).isPresent()) {
      ctx.redirect(next(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
      return;
    }
    show(ctx, 200, "", ctx.queryParam("next"), null, Flash.take(ctx, guard.secureCookies()));
  }

  private void signIn(Context ctx) {
    String email = value(ctx.formParam("email"));
    String next = ctx.formParam("next");
    if (!Guard.sameToken(ctx.cookie(FORM_COOKIE), ctx.formParam(Guard.CSRF_FIELD))) {
      show(ctx, 403, email, next, "The sign-in form expired or came from another site. Try again.", null);
      return;
    }
    Sessions.Opened opened;
    try {
      opened = sessions.signIn(email, value(ctx.formParam("password")), ctx.ip());
    } catch (TooManyAttempts e) {
      ctx.header("Retry-After", Long.toString(e.retryAfter().toSeconds()));
      show(ctx, 429, email, next, Text.sentence(e.getMessage()), null);
      return;
    } catch (SwitchboardException e) {
      show(ctx, e.kind().httpStatus() == 400 ? 400 : 401, email, next, Text.sentence(e.getMessage()), null);
      return;
    }
    ctx.cookie(new Cookie(FORM_COOKIE, "", "/", 0, guard.secureCookies(), true, null, SameSite.STRICT));
    ctx.cookie(new Cookie(Guard.SESSION_COOKIE, opened.cookieValue(), "/", sessionSeconds,
        guard.secureCookies(), true, null, SameSite.STRICT));
    ctx.redirect(opened.user().mustChangePassword() ? PasswordPage.PATH : next(next), HttpStatus.SEE_OTHER);
  }

  private void signOut(Context ctx, Caller caller) {
    sessions.signOut(ctx.cookie(Guard.SESSION_COOKIE));
    ctx.cookie(new Cookie(Guard.SESSION_COOKIE, "", "/", 0, guard.secureCookies(), true, null,
        SameSite.STRICT));
    Flash.info("You are signed out.").leave(ctx, guard.secureCookies());
    ctx.redirect(PATH, HttpStatus.SEE_OTHER);
  }

  private void show(Context ctx, int status, String email, String next, String error, Flash flash) {
    String token = Ids.random(32);
    ctx.cookie(new Cookie(FORM_COOKIE, token, "/", 3600, guard.secureCookies(), true, null, SameSite.STRICT));
    renderer.page(ctx, status, "signin.jte", Shell.anonymous("Sign in", flash),
        new SignInPage(email, next == null ? "" : next, error, token));
  }

  /** Only a path on this site ({@link LocalPath}), never another origin, nor sign-in again. */
  static String next(String next) {
    String target = LocalPath.orElse(next, ProviderPages.PATH);
    return target.startsWith(PATH) ? ProviderPages.PATH : target;
  }

  private static String value(String s) {
    return s == null ? "" : s.trim();
  }
}
