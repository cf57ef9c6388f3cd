package dev.switchboard.store;

import dev.switchboard.error.SwitchboardException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque listing cursor: the last row's time (epoch milliseconds) and id, encoded as base64url.
 * Listings are ordered by (time, id) descending and continue strictly after the cursor.
 */
public record Cursor(long at, String id) {
  public String encode() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((at + ":" + id).getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a cursor this server issued; anything else is a 400 {@code invalid_cursor}. */
  public static Cursor decode(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int colon = raw.indexOf(':');
      return new Cursor(Long.parseLong(raw.substring(0, colon)), raw.substring(colon + 1));
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw SwitchboardException.invalid("invalid_cursor", "cursor is not one this server issued");
    }
  }
}
