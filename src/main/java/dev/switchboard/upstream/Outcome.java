package dev.switchboard.upstream;

/**
 * How a tool call ended, as the gateway tells it apart (CONVENTIONS.md §9): the caller's mistake,
 * the credential rejected, or the provider unavailable. Verification maps these to states.
 */
public enum Outcome {
  /** The upstream answered with success. */
  OK,
  /** The arguments do not match the tool's input schema; nothing was sent. */
  INVALID_ARGUMENTS,
  /** The upstream refused the credential (HTTP 401/403, database authentication failure). */
  CREDENTIALS_REJECTED,
  /** The upstream answered 429; the result says when to retry. */
  RATE_LIMITED,
  /** The upstream answered another 4xx: the request was wrong for it. */
  UPSTREAM_REJECTED_REQUEST,
  /** The upstream could not be reached, timed out, or failed (5xx). */
  UNREACHABLE,
  /** The destination is refused by the outbound guard (SSRF protection). */
  BLOCKED
}
