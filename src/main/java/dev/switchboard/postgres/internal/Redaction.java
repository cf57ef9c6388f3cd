package dev.switchboard.postgres.internal;

/**
 * Removes a credential's password from a message before it is shown, in case a driver or server
 * message ever echoes it. Passwords shorter than four characters are not searched for: they would
 * blank out ordinary letters. Immutable.
 */
public final class Redaction {
  private static final int MIN_LENGTH = 4;
  private final String password;

  public Redaction(String password) {
    this.password = password == null ? "" : password;
  }

  public static Redaction none() {
    return new Redaction("");
  }

  public String apply(String message) {
    if (message == null) {
      return "";
    }
    return password.length() < MIN_LENGTH ? message : message.replace(password, "****");
  }
}
