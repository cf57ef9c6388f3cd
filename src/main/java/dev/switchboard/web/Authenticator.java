package dev.switchboard.web;

import dev.switchboard.account.AccessTokens;
import dev.switchboard.account.Principal;
import dev.switchboard.account.Sessions;
import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Finds the caller of a request: an access token in {@code Authorization: Bearer}, else the session
 * cookie. A cookie-authenticated request that changes state must repeat the session's CSRF token in
 * {@code X-CSRF-Token}; token callers need none (a browser never attaches them by itself).
 */
final class Authenticator {
  static final String SESSION_COOKIE = "sb_session";
  static final String CSRF_HEADER = "X-CSRF-Token";
  private final AccessTokens tokens;
  private final Sessions sessions;

  Authenticator(AccessTokens tokens, Sessions sessions) {
    this.tokens = tokens;
    this.sessions = sessions;
  }

  /**
   * The caller, or a 401 whose message says how to authenticate; a 403
   * {@code password_change_required} while the caller must change their password first.
   */
  Principal require(Context ctx) {
    Principal principal = requireEvenBeforePasswordChange(ctx);
    if (principal.mustChangePassword()) {
      throw passwordChangeRequired();
    }
    return principal;
  }

  /**
   * The caller, who may still have to change their password: only for reading the session,
   * changing the password and signing out.
   */
  Principal requireEvenBeforePasswordChange(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization != null) {
      String token = Bearer.token(authorization);
      if (token == null) {
        throw unauthenticated("send the access token as 'Authorization: Bearer sb_pat_…'");
      }
      return tokens.authenticate(token)
          .orElseThrow(() -> unauthenticated("the access token is unknown or revoked"));
    }
    Principal principal = sessions.resolve(ctx.cookie(SESSION_COOKIE))
        .orElseThrow(() -> unauthenticated(
            "sign in, or send an access token as 'Authorization: Bearer sb_pat_…'"));
    if (changesState(ctx.method()) && !sameToken(principal.csrfToken(), ctx.header(CSRF_HEADER))) {
      throw new SwitchboardException(ErrorKind.FORBIDDEN, "csrf_failed",
          "missing or wrong " + CSRF_HEADER + " header");
    }
    return principal;
  }

  /** The caller when one is signed in, without failing. */
  Optional<Principal> optional(Context ctx) {
    try {
      return Optional.of(require(ctx));
    } catch (SwitchboardException e) {
      return Optional.empty();
    }
  }

  Principal requireAdmin(Context ctx) {
    Principal p = require(ctx);
    if (!p.admin()) {
      throw new SwitchboardException(ErrorKind.FORBIDDEN, "admin_only", "only an admin may do this");
    }
    return p;
  }

  private static boolean changesState(HandlerType method) {
    return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
  }

  private static boolean sameToken(String expected, String given) {
    return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        given.getBytes(StandardCharsets.UTF_8));
  }

  static SwitchboardException passwordChangeRequired() {
    return new SwitchboardException(ErrorKind.FORBIDDEN, "password_change_required",
        "change your password first (POST /api/v1/me/password, or the dashboard's Change password page)");
  }

  private static SwitchboardException unauthenticated(String message) {
    return new SwitchboardException(ErrorKind.UNAUTHORIZED, "unauthenticated", message);
  }
}
