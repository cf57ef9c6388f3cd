package dev.switchboard.postgres.internal;

import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.provider.InvalidDatabaseSettingsException;
import dev.switchboard.upstream.OutboundBlockedException;
import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.ToolResult;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

/**
 * Turns what went wrong into a {@link ToolResult} a person can act on (CONVENTIONS.md §9): the
 * credential rejected, the database unreachable, the guard refusing the host, or the statement
 * refused. Connecting and running are told apart because the same SQLSTATE can mean either (42501
 * at login is a missing CONNECT privilege; later it is a missing table privilege). Every message
 * passes {@link Redaction} before it leaves.
 */
public final class Failures {
  private static final Set<String> CREDENTIAL_STATES = Set.of("28000", "28P01", "3D000");
  private static final Set<String> SERVER_STATES = Set.of("57P01", "57P02", "57P03");

  /**
   * What every connection failure says when no PostgreSQL server answered, whatever the cause: a
   * closed port, a filtered one, or another service listening there (see {@link Connector}).
   */
  static final String NOT_CONNECTED = "provider unreachable: could not connect to the database server"
      + " (check the host, port and sslmode, and that PostgreSQL accepts TCP connections there)";

  private final Redaction redaction;

  public Failures(Redaction redaction) {
    this.redaction = redaction;
  }

  /**
   * The result for a failure while resolving the host, connecting or logging in. The resolver
   * refuses a host with {@link OutboundBlockedException} and reports a name it cannot resolve with
   * an {@link ErrorKind#UPSTREAM_UNAVAILABLE} error.
   */
  public ToolResult connecting(Exception e) {
    if (e instanceof OutboundBlockedException blocked) {
      return result(Outcome.BLOCKED, blocked.getMessage());
    }
    if (e instanceof InvalidDatabaseSettingsException invalid) {
      return result(Outcome.CREDENTIALS_REJECTED, "credentials rejected: " + invalid.getMessage());
    }
    if (e instanceof SwitchboardException other) {
      if (other.kind() != ErrorKind.UPSTREAM_UNAVAILABLE) {
        throw other; // not a connection failure: a bug, for the edge to report
      }
      return result(Outcome.UNREACHABLE, "provider unreachable: " + other.getMessage());
    }
    if (!ServerMessages.spokePostgres(e)) {
      // One answer for a closed port and an open one where something else listens: a credential
      // must not work as a port scanner (docs/security/outbound.md).
      return result(Outcome.UNREACHABLE, NOT_CONNECTED);
    }
    String state = ServerMessages.state(e);
    if (CREDENTIAL_STATES.contains(state) || "42501".equals(state)) {
      return result(Outcome.CREDENTIALS_REJECTED, "credentials rejected: " + ServerMessages.text(e));
    }
    return result(Outcome.UNREACHABLE, "provider unreachable: " + ServerMessages.text(e));
  }

  /** The result for a failure while a statement ran; {@code timeout} is the one it ran with. */
  public ToolResult running(SQLException e, Duration timeout) {
    String state = ServerMessages.state(e);
    if ("25006".equals(state)) {
      return result(Outcome.UPSTREAM_REJECTED_REQUEST, "this tool is read-only: " + ServerMessages.text(e));
    }
    if ("57014".equals(state)) {
      return result(Outcome.UPSTREAM_REJECTED_REQUEST, "the statement was stopped at the "
          + Durations.text(timeout) + " timeout; narrow it (WHERE, LIMIT) or ask for less");
    }
    if (unreachable(state, e)) {
      return result(Outcome.UNREACHABLE, "provider unreachable: " + ServerMessages.text(e));
    }
    return result(Outcome.UPSTREAM_REJECTED_REQUEST, ServerMessages.text(e));
  }

  /** The result for a request the tool refuses before sending anything. */
  public ToolResult refused(String message) {
    return result(Outcome.UPSTREAM_REJECTED_REQUEST, message);
  }

  private static boolean unreachable(String state, SQLException e) {
    if (state.startsWith("08") || state.startsWith("53") || state.startsWith("58")
        || state.startsWith("XX") || SERVER_STATES.contains(state)) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private ToolResult result(Outcome outcome, String message) {
    return ToolResult.failure(outcome, redaction.apply(message), null);
  }
}
