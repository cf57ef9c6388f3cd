package dev.switchboard.error;

/**
 * What kind of failure an error is, independent of how the edge reports it. The web layer maps each
 * kind to one HTTP status; the MCP layer maps it to a JSON-RPC error or an {@code isError} result.
 */
public enum ErrorKind {
  /** The request is wrong: the caller can fix it by changing what they send. */
  INVALID_REQUEST(400),
  /** No or bad authentication. */
  UNAUTHORIZED(401),
  /** Authenticated, but not allowed (for example a non-admin calling an admin route). */
  FORBIDDEN(403),
  /** Missing, or owned by someone else: the two are indistinguishable on purpose. */
  NOT_FOUND(404),
  /** The request conflicts with the current state (duplicate name, stale version, key in use). */
  CONFLICT(409),
  /** The body is larger than the configured limit. */
  PAYLOAD_TOO_LARGE(413),
  /** Too many attempts in a while (sign-in failures); try again later. */
  TOO_MANY_REQUESTS(429),
  /** The provider rejected the credential (401/403 upstream). */
  CREDENTIAL_REJECTED(502),
  /** The provider could not be reached or failed (network, 5xx). */
  UPSTREAM_UNAVAILABLE(502),
  /** Switchboard itself cannot serve the request right now (database down, key missing). */
  UNAVAILABLE(503),
  /** A bug. The message shown to callers is generic. */
  INTERNAL(500);

  private final int httpStatus;

  ErrorKind(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  /** The HTTP status the REST edge answers with. */
  public int httpStatus() {
    return httpStatus;
  }
}
