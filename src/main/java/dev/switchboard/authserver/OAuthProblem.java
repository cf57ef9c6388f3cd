package dev.switchboard.authserver;

import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;

/**
 * An OAuth error answered in the protocol's own shape ({@code error}, {@code error_description};
 * RFC 6749 §5.2, RFC 7591 §3.2.2): {@link #code()} is the OAuth error code, {@link #status()} the
 * HTTP status. Messages never contain a token or a secret.
 */
public class OAuthProblem extends SwitchboardException {
  private final int status;

  public OAuthProblem(int status, String error, String description) {
    super(status == 401 ? ErrorKind.UNAUTHORIZED : status == 429 ? ErrorKind.TOO_MANY_REQUESTS : ErrorKind.INVALID_REQUEST,
        error, description);
    this.status = status;
  }

  public static OAuthProblem badRequest(String error, String description) {
    return new OAuthProblem(400, error, description);
  }

  public int status() {
    return status;
  }
}
