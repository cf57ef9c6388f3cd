package dev.switchboard.web.pages;

import dev.switchboard.account.Accounts;
import dev.switchboard.error.SwitchboardException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * Changing one's own password; the bootstrap admin is sent here until they do. A change ends the
 * person's other sessions and, when they tick the box, revokes their access tokens.
 */
final class PasswordPage {
  static final String PATH = "/password";
  private final Accounts accounts;
  private final Guard guard;
  private final Renderer renderer;
  private final Frames frames;

  PasswordPage(Accounts accounts, Guard guard, Renderer renderer, Frames frames) {
    this.accounts = accounts;
    this.guard = guard;
    this.renderer = renderer;
    this.frames = frames;
  }

  void register(RoutesConfig routes) {
    routes.get(PATH, guard.page((ctx, caller) -> show(ctx, caller, 200, null, null, null)));
    routes.post(PATH, guard.page(this::change));
  }

  private void change(Context ctx, Caller caller) {
    String current = ctx.formParam("current");
    String next = ctx.formParam("password");
    if (next == null || !next.equals(ctx.formParam("confirm"))) {
      show(ctx, caller, 400, null, null, "Type the same new password twice.");
      return;
    }
    if (next.equals(current)) {
      show(ctx, caller, 400, null, "Choose a password different from the current one.", null);
      return;
    }
    try {
      accounts.changePassword(caller.userId(), Optional.ofNullable(ctx.cookie(Guard.SESSION_COOKIE)), current,
          next, "on".equals(ctx.formParam("revokeTokens")));
    } catch (SwitchboardException e) {
      boolean aboutCurrent = e.code().equals("bad_current_password");
      String message = Text.sentence(e.getMessage());
      show(ctx, caller, 400, aboutCurrent ? message : null, aboutCurrent ? null : message, null);
      return;
    }
    Flash.ok("Your password is changed" + ("on".equals(ctx.formParam("revokeTokens"))
        ? ", your other sessions ended and your access tokens are revoked." : " and your other sessions ended."))
        .leave(ctx, guard.secureCookies());
    ctx.redirect(ProviderPages.PATH, HttpStatus.SEE_OTHER);
  }

  private void show(Context ctx, Caller caller, int status, String currentError, String nextError,
      String confirmError) {
    renderer.page(ctx, status, "password.jte", frames.of(caller, "Change password", "password"),
        new PasswordForm(caller.user().mustChangePassword(), currentError, nextError, confirmError));
  }
}
