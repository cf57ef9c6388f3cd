package dev.switchboard.upstream.internal;

import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.upstream.RemoteMcpException;

/**
 * The server no longer knows the MCP session a request carried (Streamable HTTP: HTTP 404, MCP
 * 2025-11-25 "Session Management"; see docs/remote-mcp-providers.md for the 400 some servers send).
 * The connection is initialized again once; {@link #failure()} is what a second expiry reports.
 */
final class SessionExpiredException extends SwitchboardException {
  private static final long serialVersionUID = 1L;

  private final RemoteMcpException failure;

  SessionExpiredException(RemoteMcpException failure) {
    super(ErrorKind.UPSTREAM_UNAVAILABLE, "mcp_session_expired", failure.getMessage());
    this.failure = failure;
  }

  public RemoteMcpException failure() {
    return failure;
  }
}
