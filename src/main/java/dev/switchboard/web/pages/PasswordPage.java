package dev.switchboard.web.pages;

import dev.switchboard.account.Users;
import dev.switchboard.error.SwitchboardException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** Changing one's own password; the bootstrap admin is sent here until they do. */
final class PasswordPage {
  static final String PATH = "/password";
  private final Users users;
  private final Guard guard;
  private final Renderer renderer;
  private final Frames frames;

  PasswordPage(Users users, Guard guard, Renderer renderer, Frames frames) {
    this.users = users;
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
      users.changePassword(caller.userId(), current, next);
    } catch (SwitchboardException e) {
      boolean aboutCurrent = e.code().equals("bad_current_password");
      String message = Text.sentence(e.getMessage());
      show(ctx, caller, 400, aboutCurrent ? message : null, aboutCurrent ? null : message, null);
      return;
    }
    Flash.ok("Your password is changed.").leave(ctx, guard.secureCookies());
    ctx.redirect(ProviderPages.PATH, HttpStatus.SEE_OTHER);
  }

  private void show(Context ctx, Caller caller, int status, String currentError, String nextError,
      String confirmError) {
    renderer.page(ctx, status, "password.jte", frames.of(caller, "Change password", "password"),
        new PasswordForm(caller.user().mustChangePassword(), currentError, nextError, confirmError));
  }
}
