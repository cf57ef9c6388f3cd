package dev.switchboard.web.pages;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A one-time message shown on the page after a form was sent (post, redirect, get). It travels in a
 * short-lived HttpOnly cookie; its text comes from Switchboard's own messages, which never hold a
 * secret.
 *
 * @param kind {@code ok}, {@code error} or {@code info}; also the CSS modifier
 */
record Flash(String kind, String text) {
  static final String COOKIE = "sb_flash";

  static Flash ok(String text) {
    return new Flash("ok", text);
  }

  static Flash error(String text) {
    return new Flash("error", text);
  }

  static Flash info(String text) {
    return new Flash("info", text);
  }

  /** Leaves this message for the next page the browser opens. */
  void leave(Context ctx, boolean secure) {
    String value = kind + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
    ctx.cookie(new Cookie(COOKIE, value, "/", 60, secure, true, null, SameSite.STRICT));
  }

  /** The message left for this request, removing it; null when there is none or it is malformed. */
  static Flash take(Context ctx, boolean secure) {
    String value = ctx.cookie(COOKIE);
    if (value == null || value.isEmpty()) {
      return null;
    }
    ctx.cookie(new Cookie(COOKIE, "", "/", 0, secure, true, null, SameSite.STRICT));
    int dot = value.indexOf('.');
    if (dot < 1 || value.length() > 2000) {
      return null;
    }
    String kind = value.substring(0, dot);
    if (!kind.equals("ok") && !kind.equals("error") && !kind.equals("info")) {
      return null;
    }
    try {
      return new Flash(kind, new String(Base64.getUrlDecoder().decode(value.substring(dot + 1)),
          StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
