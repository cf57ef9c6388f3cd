package dev.switchboard.store;

import java.security.SecureRandom;

/**
 * Random identifiers and tokens: a short type prefix and base-62 characters from a
 * {@link SecureRandom}, so that ids are unguessable and say what they name ({@code cred_…}).
 */
public final class Ids {
  private static final char[] ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /** A new id such as {@code cred_3kTq…}: the prefix, an underscore and 20 random characters. */
  public static String next(String prefix) {
    return prefix + "_" + random(20);
  }

  /** {@code length} random base-62 characters (about 5.95 bits each). */
  public static String random(int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(out);
  }
}
