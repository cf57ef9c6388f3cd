package dev.switchboard.credential.internal;

import dev.switchboard.credential.CredentialFilter;
import dev.switchboard.error.SwitchboardException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque listing cursors: base64url of "createdAt:id". A cursor that does not decode is a 400. */
public final class ListCursor {
  private ListCursor() {}

  public static String encode(long createdAt, String id) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((createdAt + ":" + id).getBytes(StandardCharsets.UTF_8));
  }

  public static CredentialFilter.Position decode(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int colon = raw.indexOf(':');
      return new CredentialFilter.Position(Long.parseLong(raw.substring(0, colon)), raw.substring(colon + 1));
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw SwitchboardException.invalid("invalid_cursor", "cursor is not one this server issued");
    }
  }
}
