package dev.switchboard.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt password hashing with a configurable cost. Thread safe. */
public final class Passwords {
  private static final int MIN_LENGTH = 10;
  private final int cost;

  public Passwords(int cost) {
    this.cost = cost;
  }

  public String hash(String password) {
    return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
  }

  public boolean matches(String password, String hash) {
    return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
        hash.getBytes(StandardCharsets.UTF_8)).verified;
  }

  /** Refuses passwords too short or too long for bcrypt (72 bytes). */
  public static void checkStrength(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw dev.switchboard.error.SwitchboardException.invalid("weak_password",
          "password must have at least " + MIN_LENGTH + " characters");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
      throw dev.switchboard.error.SwitchboardException.invalid("long_password",
          "password must be at most 72 bytes");
    }
  }
}
