package dev.switchboard.upstream;

import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A remote MCP server answered, but not with what was asked for: it rejected the credential (HTTP
 * 401/403), limited the rate (429), failed (5xx), refused the request (another 4xx, a JSON-RPC
 * error), or broke the protocol (no answer, an unsupported protocol version, an oversized message).
 * The {@link #outcome()} says which, as for any tool call; the code is stable per outcome. The
 * message names the host at most, never a path, query string or header value, and has no cause.
 */
public final class RemoteMcpException extends SwitchboardException {
  private static final long serialVersionUID = 1L;

  private final Outcome outcome;
  private final Integer status;

  /**
   * @param outcome how the call ended; not {@link Outcome#OK}
   * @param status the HTTP status the server answered, or null when the failure was not one
   */
  public RemoteMcpException(Outcome outcome, String message, Integer status) {
    super(kind(outcome), code(outcome), message);
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.status = status;
  }

  /** The server broke the MCP protocol: treated as the provider being unavailable. */
  public static RemoteMcpException protocol(String message) {
    return new RemoteMcpException(Outcome.UNREACHABLE, message, null);
  }

  public Outcome outcome() {
    return outcome;
  }

  /** The HTTP status the server answered, when the failure was one. */
  public Optional<Integer> status() {
    return Optional.ofNullable(status);
  }

  /** The same failure with another message (for example with secrets redacted). */
  public RemoteMcpException withMessage(String message) {
    return new RemoteMcpException(outcome, message, status);
  }

  private static ErrorKind kind(Outcome outcome) {
    switch (outcome) {
      case CREDENTIALS_REJECTED:
        return ErrorKind.CREDENTIAL_REJECTED;
      case UPSTREAM_REJECTED_REQUEST:
      case INVALID_ARGUMENTS:
      case BLOCKED:
        return ErrorKind.INVALID_REQUEST;
      case OK:
        throw new IllegalArgumentException("OK is not a failure");
      default:
        return ErrorKind.UPSTREAM_UNAVAILABLE;
    }
  }

  private static String code(Outcome outcome) {
    return outcome == Outcome.UNREACHABLE ? UpstreamUnavailableException.CODE
        : outcome == Outcome.TIMEOUT ? UpstreamUnavailableException.TIMEOUT_CODE
        : outcome.name().toLowerCase(Locale.ROOT);
  }
}
