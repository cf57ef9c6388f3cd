package dev.switchboard.web.pages;

import dev.switchboard.account.Principal;
import dev.switchboard.account.Sessions;
import dev.switchboard.account.User;
import dev.switchboard.account.Users;
import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The door of every dashboard page: finds the session from the {@code sb_session} cookie (else
 * sends the browser to sign in), refuses a state-changing request whose CSRF token ({@code _csrf}
 * form field or {@code X-CSRF-Token} header) is not the session's, sends a person who must change
 * their password to that page first, keeps non-admins out of admin pages, and turns errors into
 * pages. Services raise {@link SwitchboardException}s whose messages are safe to show.
 */
final class Guard {
  static final String SESSION_COOKIE = "sb_session";
  static final String CSRF_FIELD = "_csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final Logger LOG = LoggerFactory.getLogger(Guard.class);
  private final Sessions sessions;
  private final Users users;
  private final Renderer renderer;
  private final Frames frames;
  private final boolean secureCookies;

  Guard(Sessions sessions, Users users, Renderer renderer, Frames frames, boolean secureCookies) {
    this.sessions = sessions;
    this.users = users;
    this.renderer = renderer;
    this.frames = frames;
    this.secureCookies = secureCookies;
  }

  boolean secureCookies() {
    return secureCookies;
  }

  Handler page(PageHandler handler) {
    return ctx -> run(ctx, handler, false);
  }

  Handler admin(PageHandler handler) {
    return ctx -> run(ctx, handler, true);
  }

  /** The signed-in person of a request, without the checks (for the sign-in page). */
  Optional<Principal> principal(Context ctx) {
    return sessions.resolve(ctx.cookie(SESSION_COOKIE));
  }

  private void run(Context ctx, PageHandler handler, boolean adminOnly) throws Exception {
    Optional<Principal> principal = principal(ctx);
    Optional<User> user = principal.flatMap(p -> users.byId(p.userId()));
    if (principal.isEmpty() || user.isEmpty()) {
      signInFirst(ctx);
      return;
    }
    Caller caller = new Caller(principal.get(), user.get(), null);
    if (changesState(ctx) && !sameToken(caller.csrf(), submittedToken(ctx))) {
      renderer.error(ctx, 403, frames.of(caller, "Form refused", ""), "This form was refused",
          "The form's security token is missing or out of date, so nothing was changed. Forms sent from "
              + "another site are always refused. Reload the page and try again.");
      return;
    }
    if (user.get().mustChangePassword() && !ctx.path().equals(PasswordPage.PATH)) {
      ctx.redirect(PasswordPage.PATH, HttpStatus.SEE_OTHER);
      return;
    }
    caller = new Caller(principal.get(), user.get(),
        ctx.method() == HandlerType.GET ? Flash.take(ctx, secureCookies) : null);
    if (adminOnly && !caller.admin()) {
      renderer.error(ctx, 403, frames.of(caller, "Administrators only", "admin"), "Administrators only",
          "Only an administrator may open this page.");
      return;
    }
    try {
      handler.handle(ctx, caller);
    } catch (SwitchboardException e) {
      int status = e.kind() == ErrorKind.NOT_FOUND ? 404 : e.kind().httpStatus();
      String title = e.kind() == ErrorKind.NOT_FOUND ? "Not found" : "That did not work";
      renderer.error(ctx, status, frames.of(caller, title, ""), title, Text.sentence(e.getMessage()));
    } catch (RuntimeException e) {
      LOG.error("dashboard error on {} {}", ctx.method(), ctx.path(), e);
      renderer.error(ctx, 500, frames.of(caller, "Something went wrong", ""), "Something went wrong",
          "Something went wrong on our side. The request id is " + ctx.res().getHeader("X-Request-Id") + ".");
    }
  }

  /** Redirects to sign-in; a page opened with GET comes back after it. */
  private void signInFirst(Context ctx) {
    String target = SignInPages.PATH;
    if (ctx.method() == HandlerType.GET) {
      String back = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
      target += "?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
    } else {
      Flash.info("Sign in to continue; nothing was changed.").leave(ctx, secureCookies);
    }
    ctx.redirect(target, HttpStatus.SEE_OTHER);
  }

  static boolean changesState(Context ctx) {
    HandlerType method = ctx.method();
    return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
  }

  private static String submittedToken(Context ctx) {
    String header = ctx.header(CSRF_HEADER);
    if (header != null) {
      return header;
    }
    String contentType = ctx.contentType();
    boolean form = contentType != null && (contentType.startsWith("application/x-www-form-urlencoded")
        || contentType.startsWith("multipart/form-data"));
    return form ? ctx.formParam(CSRF_FIELD) : null;
  }

  static boolean sameToken(String expected, String given) {
    return expected != null && given != null && MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
