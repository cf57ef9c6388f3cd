package dev.switchboard.web.pages;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where the browser may be sent after signing in: only a path of this site. Browsers drop tabs and
 * line breaks from a URL and read a backslash as a slash, so {@code /%09/evil.example} or
 * {@code /\evil.example} become {@code //evil.example}, another origin. A target is accepted only
 * when it starts with one {@code /} (not {@code //} nor {@code /\}), has no control character,
 * space or backslash, raw or percent-encoded (at any depth: it is decoded until it no longer
 * changes, every form checked, and refused if it still changes after {@value #MAX_DECODINGS}
 * decodings), and resolves against this site to this site. Anything else falls back.
 */
final class LocalPath {
  private static final URI BASE = URI.create("http://switchboard.invalid/");
  private static final int MAX_LENGTH = 2048;
  /** Decodings a target may need before it is stable; this site's own links need one or two. */
  private static final int MAX_DECODINGS = 4;

  private LocalPath() {}

  /** {@code next} when it is a safe path of this site, else {@code fallback}. */
  static String orElse(String next, String fallback) {
    return safe(next) ? next : fallback;
  }

  static boolean safe(String next) {
    if (next == null || next.isEmpty() || next.length() > MAX_LENGTH) {
      return false;
    }
    // decode until nothing changes, checking every form on the way: whatever a browser or proxy
    // decodes, it meets no tab, no backslash and no "//"; still encoded after the bound: refused
    String text = next;
    for (int round = 0; ; round++) {
      if (!plain(text)) {
        return false;
      }
      String decoded;
      try {
        decoded = URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return false; // a stray '%': not something this site links to
      }
      if (decoded.equals(text)) {
        break;
      }
      if (round == MAX_DECODINGS) {
        return false;
      }
      text = decoded;
    }
    try {
      URI target = new URI(next);
      URI resolved = BASE.resolve(target);
      return target.getScheme() == null && target.getRawAuthority() == null
          && Objects.equals(resolved.getScheme(), BASE.getScheme())
          && Objects.equals(resolved.getRawAuthority(), BASE.getRawAuthority());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return false;
    }
  }

  /** One '/' first, then no control character, space or backslash. */
  private static boolean plain(String s) {
    if (s.isEmpty() || s.charAt(0) != '/' || s.length() > 1 && (s.charAt(1) == '/' || s.charAt(1) == '\\')) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x20 || c == 0x7f || c == '\\' || Character.isISOControl(c)
          || Character.isWhitespace(c) || Character.getType(c) == Character.FORMAT) {
        return false;
      }
    }
    return true;
  }
}
