package dev.switchboard.mcp.internal;

import dev.switchboard.mcp.McpError;
import dev.switchboard.vault.Signer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Opaque, authenticated list cursors: {@code base64url(offset ‖ HMAC)}, the HMAC (vault-derived
 * signing key, {@link Signer}) covering the offset and the list it pages: which list, which endpoint
 * and whose. A cursor the server did not issue for that same list, or one altered, is -32602
 * "invalid cursor". The cursor shows nothing but the offset. Thread-safe.
 */
public final class Cursors {
  private static final String PURPOSE = "switchboard-mcp-cursor-v1";
  private static final int MAC = 32;
  private final Signer signer;

  public Cursors(Signer signer) {
    this.signer = signer;
  }

  /** The cursor of {@code offset} in {@code list} (for example "tools/list:bundle:crm:usr_…"). */
  public String encode(String list, int offset) {
    byte[] mac = signer.sign(signed(list, offset));
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(ByteBuffer.allocate(4 + MAC).putInt(offset).put(mac).array());
  }

  /** The offset of a cursor issued for {@code list}; anything else throws -32602. */
  public int decode(String list, String cursor) {
    try {
      byte[] raw = cursor.length() > 64 ? null : Base64.getUrlDecoder().decode(cursor);
      if (raw != null && raw.length == 4 + MAC) {
        int offset = ByteBuffer.wrap(raw).getInt();
        if (offset >= 0 && signer.verify(signed(list, offset), Arrays.copyOfRange(raw, 4, raw.length))) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // not base64: answered below like any other cursor we did not issue
    }
    throw McpError.invalidParams("invalid cursor: pass the nextCursor of a previous list of the same endpoint");
  }

  private static byte[] signed(String list, int offset) {
    return (PURPOSE + "\n" + list + "\n" + offset).getBytes(StandardCharsets.UTF_8);
  }
}
