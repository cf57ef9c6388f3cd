package dev.switchboard.error;

/**
 * The one unchecked base of every error Switchboard raises on purpose. It carries a stable,
 * machine-readable {@link #code()} (snake case, part of the API contract) and a {@link #kind()} that
 * the edges translate. The message is shown to callers as is, so it must never contain a secret.
 */
public class SwitchboardException extends RuntimeException {
  private final ErrorKind kind;
  private final String code;

  public SwitchboardException(ErrorKind kind, String code, String message) {
    super(message);
    this.kind = kind;
    this.code = code;
  }

  public SwitchboardException(ErrorKind kind, String code, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.code = code;
  }

  public ErrorKind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  public static SwitchboardException invalid(String code, String message) {
    return new SwitchboardException(ErrorKind.INVALID_REQUEST, code, message);
  }

  public static SwitchboardException notFound(String what) {
    return new SwitchboardException(ErrorKind.NOT_FOUND, "not_found", what + " not found");
  }

  public static SwitchboardException conflict(String code, String message) {
    return new SwitchboardException(ErrorKind.CONFLICT, code, message);
  }
}
