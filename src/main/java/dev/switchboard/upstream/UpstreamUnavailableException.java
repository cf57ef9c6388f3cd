package dev.switchboard.upstream;

import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;
import java.util.Objects;

/**
 * An upstream could not be reached or did not answer in time: DNS failure of an allowed name,
 * connection refused or reset, TLS failure, timeout, too many redirects. Code
 * {@value #CODE} ({@value #TIMEOUT_CODE} for a timeout), kind {@link ErrorKind#UPSTREAM_UNAVAILABLE}. The message names the host (and port)
 * only — never a path, query string, header or body, which can hold secrets — and there is no
 * cause, so that logging the exception cannot print one either.
 */
public final class UpstreamUnavailableException extends SwitchboardException {
  private static final long serialVersionUID = 1L;

  /** The stable error code. */
  public static final String CODE = "upstream_unreachable";
  /** The stable error code of a {@link Failure#TIMEOUT}. */
  public static final String TIMEOUT_CODE = "upstream_timeout";

  /** What went wrong, for metrics and for telling a timeout from a refusal. */
  public enum Failure {
    /** The name could not be resolved. */
    DNS,
    /** No connection could be made (refused, unreachable, connect timeout). */
    CONNECT,
    /** The TLS handshake failed (untrusted certificate, wrong name, protocol). */
    TLS,
    /** The deadline passed before the exchange finished. */
    TIMEOUT,
    /** The connection broke or the upstream answered something that is not HTTP. */
    BROKEN,
    /** The upstream redirected more often than allowed. */
    TOO_MANY_REDIRECTS
  }

  private final Failure failure;

  public UpstreamUnavailableException(Failure failure, String message) {
    super(ErrorKind.UPSTREAM_UNAVAILABLE, failure == Failure.TIMEOUT ? TIMEOUT_CODE : CODE, message);
    this.failure = Objects.requireNonNull(failure, "failure");
  }

  public Failure failure() {
    return failure;
  }

  /** The outcome of a tool call that failed so: {@link Outcome#TIMEOUT} or {@link Outcome#UNREACHABLE}. */
  public Outcome outcome() {
    return failure == Failure.TIMEOUT ? Outcome.TIMEOUT : Outcome.UNREACHABLE;
  }

  /**
   * The text of a tool result: "provider timed out: …" when the deadline passed (the provider may
   * be up but slow), "provider unreachable: …" otherwise.
   */
  public String resultText() {
    return (failure == Failure.TIMEOUT ? "provider timed out: " : "provider unreachable: ") + getMessage();
  }
}
