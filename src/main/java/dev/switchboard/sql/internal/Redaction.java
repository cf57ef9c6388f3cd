package dev.switchboard.sql.internal;

import dev.switchboard.upstream.Redactor;
import dev.switchboard.upstream.ToolResult;
import java.util.List;

/**
 * Removes a credential's password, in every form {@link Redactor} knows, from a message or a result
 * before it is shown, in case a driver or server message, or a row a query returns, ever echoes it.
 * Passwords shorter than four characters are not searched for: they would blank out ordinary
 * letters. Immutable.
 */
public final class Redaction {
  private final Redactor redactor;

  public Redaction(String password) {
    this.redactor = password == null ? Redactor.none() : Redactor.of(List.of(password));
  }

  public static Redaction none() {
    return new Redaction(null);
  }

  public String apply(String message) {
    if (message == null) {
      return "";
    }
    return redactor.redact(message);
  }

  /** {@code result} with the password hidden in its text and structured content. */
  public ToolResult apply(ToolResult result) {
    return redactor.redact(result);
  }
}
