package dev.switchboard.store;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Random identifiers and tokens: a short type prefix and base-62 characters from a
 * {@link SecureRandom}, so that ids are unguessable and say what they name ({@code cred_…}).
 * Each caller draws from a DRBG generator (seeded by the system) taken from a pool, so that requests
 * never queue on one shared generator and no request seeds a generator of its own (requests run on
 * virtual threads: a per-thread generator was seeded again for every request).
 */
public final class Ids {
  private static final char[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final Reusables<SecureRandom> RANDOM = new Reusables<>(64, Ids::generator);

  private Ids() {}

  /** A new id such as {@code cred_3kTq…}: the prefix, an underscore and 20 random characters. */
  public static String next(String prefix) {
    return prefix + "_" + random(20);
  }

  /**
   * A new id that sorts by time, such as {@code exe_0vP3kQ2a…}: the prefix, an underscore, 8
   * base-62 characters of {@code epochMillis} (the alphabet is in ASCII order, so the text sorts
   * like the number) and 12 random characters (about 71 bits). Rows with such keys are appended to
   * an index rather than scattered through it, which makes writing many of them cheap.
   */
  public static String ordered(String prefix, long epochMillis) {
    char[] time = new char[8];
    long rest = Math.max(0, epochMillis);
    for (int i = time.length - 1; i >= 0; i--) {
      time[i] = ALPHABET[(int) (rest % ALPHABET.length)];
      rest /= ALPHABET.length;
    }
    return prefix + "_" + new String(time) + random(12);
  }

  /** {@code length} random base-62 characters (about 5.95 bits each). */
  public static String random(int length) {
    char[] out = new char[length];
    byte[] bytes = new byte[length + 8];
    int filled = 0;
    while (filled < length) {
      SecureRandom random = RANDOM.take();
      try {
        random.nextBytes(bytes);
      } finally {
        RANDOM.give(random);
      }
      for (int i = 0; i < bytes.length && filled < length; i++) {
        int b = bytes[i] & 0xff;
        if (b < 248) { // 248 = 4 × 62: below it, b % 62 is uniform
          out[filled++] = ALPHABET[b % ALPHABET.length];
        }
      }
    }
    return new String(out);
  }

  private static SecureRandom generator() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }
}
