package dev.switchboard.authserver.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** SHA-256 for stored tokens (hex) and PKCE S256 challenges (base64url, RFC 7636 §4.2). */
public final class Hashes {
  private Hashes() {}

  public static String token(String token) {
    return HexFormat.of().formatHex(sha256(token));
  }

  public static String s256(String verifier) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
