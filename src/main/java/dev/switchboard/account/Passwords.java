package dev.switchboard.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.switchboard.error.SwitchboardException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * bcrypt password hashing with a configurable cost. bcrypt reads at most {@value #MAX_BYTES} bytes,
 * so a longer password is refused when it is set ({@link #checkStrength}) and never matches at
 * sign-in (no stored password can be longer). Thread safe.
 */
public final class Passwords {
  static final int MAX_BYTES = 72;
  private static final int MIN_LENGTH = 10;
  private final int cost;
  private final String dummyHash;

  /** Makes the stand-in hash for unknown emails now, so the first one costs no extra hash. */
  public Passwords(int cost) {
    this.cost = cost;
    this.dummyHash = hash("not-a-password-of-anyone");
  }

  public String hash(String password) {
    return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
  }

  /**
   * Whether the password is the one hashed. A password over {@value #MAX_BYTES} bytes answers false
   * after the same bcrypt work as any other, instead of the library's exception.
   */
  public boolean matches(String password, String hash) {
    byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
    boolean tooLong = bytes.length > MAX_BYTES;
    boolean verified = BCrypt.verifyer().verify(tooLong ? Arrays.copyOf(bytes, MAX_BYTES) : bytes,
        hash.getBytes(StandardCharsets.UTF_8)).verified;
    return verified && !tooLong;
  }

  /**
   * Spends the time of one password check against no real user, so that an unknown email takes as
   * long to refuse as a wrong password.
   */
  public void spendCheck(String password) {
    matches(password == null ? "" : password, dummyHash);
  }

  /** The stand-in hash {@link #spendCheck} checks against, made at the configured cost. */
  String standInHash() {
    return dummyHash;
  }

  /** Refuses passwords too short or too long for bcrypt (72 bytes). */
  public static void checkStrength(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw SwitchboardException.invalid("weak_password",
          "password must have at least " + MIN_LENGTH + " characters");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw SwitchboardException.invalid("long_password",
          "password must be at most " + MAX_BYTES + " bytes (bcrypt reads no more)");
    }
  }
}
