package dev.switchboard.upstream.aws;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The lower-case hex SHA-256 of a body, as SigV4 puts it in the canonical request. */
final class PayloadHash {
  private PayloadHash() {}

  static String hex(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
