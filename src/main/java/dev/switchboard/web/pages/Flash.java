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
  /** The longest value {@link #take} accepts: a cookie of about 2 KB, well within every browser's 4 KB. */
  static final int MOST_VALUE_CHARACTERS = 2000;
  /** The most UTF-8 bytes of text a flash carries: their base64 and the kind stay within {@link #MOST_VALUE_CHARACTERS}. */
  static final int MOST_TEXT_BYTES = 1400;

  static Flash ok(String text) {
    return new Flash("ok", text);
  }

  static Flash error(String text) {
    return new Flash("error", text);
  }

  static Flash info(String text) {
    return new Flash("info", text);
  }

  /** Leaves this message for the next page the browser opens; a longer one is cut, never lost. */
  void leave(Context ctx, boolean secure) {
    String value = kind + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(fitted(text).getBytes(StandardCharsets.UTF_8));
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
    if (dot < 1 || value.length() > MOST_VALUE_CHARACTERS) {
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

  /** {@code text}, or as many of its first characters as fit in {@link #MOST_TEXT_BYTES} with "…". */
  static String fitted(String text) {
    if (text.getBytes(StandardCharsets.UTF_8).length <= MOST_TEXT_BYTES) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int bytes = 3; // the ellipsis
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      if (bytes + size > MOST_TEXT_BYTES) {
        break;
      }
      out.appendCodePoint(c);
      bytes += size;
      i += Character.charCount(c);
    }
    return out.append('…').toString();
  }
}
