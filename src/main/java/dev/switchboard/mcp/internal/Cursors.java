package dev.switchboard.mcp.internal;

import dev.switchboard.mcp.McpError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque {@code tools/list} cursors: an offset, encoded; anything else is -32602. */
public final class Cursors {
  private static final String PREFIX = "sb1:";

  private Cursors() {}

  public static String encode(int offset) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  public static int decode(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!raw.startsWith(PREFIX)) {
        throw new IllegalArgumentException();
      }
      int offset = Integer.parseInt(raw.substring(PREFIX.length()));
      if (offset < 0) {
        throw new IllegalArgumentException();
      }
      return offset;
    } catch (IllegalArgumentException e) {
      throw McpError.invalidParams("invalid cursor: pass the nextCursor of a previous tools/list");
    }
  }
}
