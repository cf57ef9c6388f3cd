package dev.switchboard.upstream.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;

/**
 * The literal forms a secret can take in what an upstream sends back, besides the JSON escapes and
 * percent-encoding that {@link EscapedText} decodes before matching: the value itself and its Base64
 * encodings (standard and URL-safe alphabets, with and without padding), at the start of an encoded
 * run and, as the part that depends only on the secret, at either of the two other byte offsets
 * (so {@code base64("user:" + secret)} is caught without knowing the user). Stateless.
 */
public final class SecretForms {
  /** Shorter values are not searched for: they would blank out ordinary words. */
  public static final int MIN_LENGTH = 4;
  /** Shorter Base64 fragments are not searched for: they occur by chance in any encoded data. */
  static final int MIN_ENCODED_LENGTH = 6;

  private SecretForms() {}

  /** Adds {@code secret}'s forms to {@code out}; nothing when it is null or shorter than {@link #MIN_LENGTH}. */
  public static void add(String secret, Collection<String> out) {
    if (secret == null || secret.length() < MIN_LENGTH) {
      return;
    }
    out.add(secret);
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    for (int offset = 0; offset < 3; offset++) {
      byte[] shifted = new byte[offset + bytes.length];
      System.arraycopy(bytes, 0, shifted, offset, bytes.length);
      String encoded = Base64.getEncoder().encodeToString(shifted);
      // characters wholly made of the secret's bits: from ceil(8·offset/6) to floor(8·length/6)
      int first = (8 * offset + 5) / 6;
      int end = 8 * shifted.length / 6;
      base64(encoded.substring(first, end), out);
      if (offset == 0) {
        base64(encoded, out);
        base64(encoded.replace("=", ""), out);
      }
    }
  }

  private static void base64(String standard, Collection<String> out) {
    if (standard.length() >= MIN_ENCODED_LENGTH) {
      out.add(standard);
      out.add(standard.replace('+', '-').replace('/', '_'));
    }
  }
}
