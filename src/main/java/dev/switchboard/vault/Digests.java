package dev.switchboard.vault;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Plain hashes for values that are looked up by hash, such as personal access tokens (stored as
 * SHA-256, compared by hash). Stateless and thread-safe.
 */
public final class Digests {

  private Digests() {}

  /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text} (64 characters). */
  public static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
