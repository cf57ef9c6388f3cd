package dev.switchboard.upstream.internal;

/**
 * A token endpoint refused the credential's grant (RFC 6749 §5.2: {@code invalid_client}, {@code invalid_grant},
 * …), or the credential cannot make one (a service account key that does not parse): the credential is rejected,
 * as with a 401. The message names the error, never a secret.
 */
final class GrantRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  GrantRefusedException(String message, int status) {
    super(message, null, false, false);
    this.status = status;
  }

  /** The token endpoint's HTTP status, or 0 when no request was sent. */
  int status() {
    return status;
  }
}
