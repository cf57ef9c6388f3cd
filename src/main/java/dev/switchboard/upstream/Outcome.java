package dev.switchboard.upstream;

/**
 * How a tool call ended, as the gateway tells it apart (CONVENTIONS.md §9): the caller's mistake,
 * the credential rejected, the provider unavailable, or too slow. Verification maps these to states.
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
  /** The upstream could not be reached, or failed (5xx), or broke the protocol. */
  UNREACHABLE,
  /**
   * The call's deadline passed before the upstream answered (it may be up but slow): "timed out
   * after N s". Its own outcome, apart from {@link #UNREACHABLE}, in execution records and metrics.
   */
  TIMEOUT,
  /** The destination is refused by the outbound guard (SSRF protection). */
  BLOCKED
}
