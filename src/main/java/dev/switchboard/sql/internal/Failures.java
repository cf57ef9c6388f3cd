package dev.switchboard.sql.internal;

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
  private static final Set<String> SERVER_STATES = Set.of("57P01", "57P02", "57P03");

  private final Dialect dialect;
  private final Redaction redaction;

  public Failures(Dialect dialect, Redaction redaction) {
    this.dialect = dialect;
    this.redaction = redaction;
  }

  /**
   * What every connection failure says when no database server answered, whatever the cause: a
   * closed port, a filtered one, or another service listening there (see {@link Connector}).
   */
  String notConnected() {
    return "provider unreachable: could not connect to the database server (check the host, port and "
        + "sslmode, and that " + dialect.product() + " accepts TCP connections there)";
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
    if (!dialect.spokeServer(e)) {
      // One answer for a closed port and an open one where something else listens: a credential
      // must not work as a port scanner (docs/security/outbound.md).
      return result(Outcome.UNREACHABLE, notConnected());
    }
    if (dialect.credentialRejected(e)) {
      return result(Outcome.CREDENTIALS_REJECTED, "credentials rejected: " + dialect.text(e));
    }
    return result(Outcome.UNREACHABLE, "provider unreachable: " + dialect.text(e));
  }

  /** The result for a failure while a statement ran; {@code timeout} is the one it ran with. */
  public ToolResult running(SQLException e, Duration timeout) {
    String state = SqlErrors.state(e);
    if ("25006".equals(state)) {
      // SQLSTATE 25006 read_only_sql_transaction, the same in PostgreSQL and MySQL
      return result(Outcome.UPSTREAM_REJECTED_REQUEST, "this tool is read-only: " + dialect.text(e));
    }
    if (dialect.timedOut(e)) {
      return result(Outcome.UPSTREAM_REJECTED_REQUEST, "the statement was stopped at the "
          + Durations.text(timeout) + " timeout; narrow it (WHERE, LIMIT) or ask for less");
    }
    if (unreachable(state, e)) {
      return result(Outcome.UNREACHABLE, "provider unreachable: " + dialect.text(e));
    }
    return result(Outcome.UPSTREAM_REJECTED_REQUEST, dialect.text(e));
  }

  /**
   * The result for a call whose deadline passed (the database may be up but slow): its own
   * outcome, {@link Outcome#TIMEOUT}, "timed out: {@code why}".
   */
  public ToolResult timedOut(String why) {
    return result(Outcome.TIMEOUT, "timed out: " + why);
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
