package dev.switchboard.vault.internal;

import java.util.Base64;

/**
 * Decodes base64url (RFC 4648 §5) in its canonical padded form only.
 *
 * <p>The JDK decoder accepts missing padding and ignores non-zero bits after the last byte, so two
 * different strings could decode to one token. Rejecting those keeps "a changed character is a
 * rejected token" true. Stateless and thread-safe.
 */
final class StrictBase64 {

  private StrictBase64() {}

  /** The decoded bytes, or {@code null} if {@code text} is not canonical padded base64url. */
  static byte[] decode(String text) {
    int length = text.length();
    if (length == 0 || length % 4 != 0) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int padding = text.charAt(length - 1) != '=' ? 0 : text.charAt(length - 2) == '=' ? 2 : 1;
    // The last data character carries 4 (two '=') or 2 (one '=') unused bits that must be zero.
    int unusedBitsMask = padding == 2 ? 0x0f : padding == 1 ? 0x03 : 0;
    if ((sextet(text.charAt(length - 1 - padding)) & unusedBitsMask) != 0) {
      return null;
    }
    return bytes;
  }

  private static int sextet(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    return c == '-' ? 62 : 63;
  }
}
