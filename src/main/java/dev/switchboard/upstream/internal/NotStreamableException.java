package dev.switchboard.upstream.internal;

import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.upstream.RemoteMcpException;

/**
 * The {@code initialize} POST answered 400, 404 or 405: the server may speak only the legacy
 * HTTP+SSE transport (MCP 2025-11-25, "Backwards Compatibility"). {@link #failure()} is what to
 * report when no legacy event stream is found either.
 */
final class NotStreamableException extends SwitchboardException {
  private static final long serialVersionUID = 1L;

  private final RemoteMcpException failure;

  NotStreamableException(RemoteMcpException failure) {
    super(ErrorKind.UPSTREAM_UNAVAILABLE, "mcp_not_streamable", failure.getMessage());
    this.failure = failure;
  }

  RemoteMcpException failure() {
    return failure;
  }
}
