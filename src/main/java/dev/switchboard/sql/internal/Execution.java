package dev.switchboard.sql.internal;

import dev.switchboard.error.SwitchboardException;
import dev.switchboard.provider.InvalidDatabaseSettingsException;
import dev.switchboard.sql.SqlLimits;
import dev.switchboard.upstream.CallContext;
import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.ToolResult;
import dev.switchboard.vault.SecretFields;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The path of one SQL tool call: check the arguments, read the credential's settings, take a
 * connection within the call's budget (through the outbound guard), run the work in a read-only
 * transaction, and turn any failure into a result. Never throws for database trouble. Thread safe.
 */
public final class Execution {
  private final Dialect dialect;
  private final Pools pools;
  private final SqlLimits limits;
  private final Clock clock;

  public Execution(Dialect dialect, Pools pools, SqlLimits limits, Clock clock) {
    this.dialect = dialect;
    this.pools = pools;
    this.limits = limits;
    this.clock = clock;
  }

  /** Runs one tool with the credential's settings. */
  public ToolResult call(Operation operation, JsonNode arguments, SecretFields secrets, CallContext context) {
    Optional<String> refusal;
    try {
      refusal = operation.check(arguments);
    } catch (InvalidArgumentsException e) {
      return ToolResult.failure(Outcome.INVALID_ARGUMENTS, e.getMessage(), null);
    }
    if (refusal.isPresent()) {
      return new Failures(dialect, Redaction.none()).refused(refusal.get());
    }
    return withConnection(secrets, context, context.credentialId(),
        connection -> operation.run(connection, arguments));
  }

  /** Connects without the pool and runs {@code SELECT 1}: does this credential work? */
  public ToolResult verify(SecretFields secrets, CallContext context) {
    return withConnection(secrets, context, null, connection -> {
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SELECT 1")) {
        rs.next();
      }
      DatabaseMetaData meta = connection.getMetaData();
      String version = meta.getDatabaseProductVersion();
      ObjectNode out = JsonNodeFactory.instance.objectNode().put("serverVersion", version);
      return ToolResult.ok("credentials work: connected to " + dialect.product() + " " + version, out, null);
    });
  }

  private ToolResult withConnection(SecretFields secrets, CallContext context, String poolKey,
      ReadOnlyTransaction.Work<ToolResult> work) {
    ConnectionTarget target;
    try {
      target = ConnectionTarget.of(dialect.scheme(), secrets);
    } catch (InvalidDatabaseSettingsException e) {
      return new Failures(dialect, Redaction.none()).connecting(e);
    }
    Redaction redaction = new Redaction(target.password());
    Failures failures = new Failures(dialect, redaction);
    CallBudget budget = new CallBudget(context.deadline(), clock);
    if (budget.exhausted()) {
      return failures.timedOut("the call's deadline passed before connecting to the database");
    }
    Lease lease;
    try {
      lease = pools.lease(poolKey, target, budget);
    } catch (SwitchboardException | SQLException e) {
      // The outbound guard: a refused host, or a name it could not resolve; or no time left.
      return budget.exhausted() && !(e instanceof SwitchboardException)
          ? failures.timedOut("connecting to the database took the rest of the call's time")
          : failures.connecting(e);
    }
    Duration timeout = budget.statementTimeout(limits.statementTimeout());
    try {
      // a row can hold the password too (a table of settings, a query that selects it)
      return redaction.apply(ReadOnlyTransaction.run(dialect, lease.connection(), timeout,
          budget.networkTimeoutMillis(limits.statementTimeout()), work));
    } catch (SQLException e) {
      // the call's deadline, not the configured statement timeout, stopped it: the server's own
      // timeout set to what was left, or the socket's read timeout behind it
      boolean deadline = timeout.compareTo(limits.statementTimeout()) < 0 && dialect.timedOut(e);
      return deadline || budget.exhausted()
          ? failures.timedOut("the statement was stopped after " + Durations.text(timeout)
              + ", when the call's deadline came")
          : failures.running(e, timeout);
    } finally {
      close(lease);
    }
  }

  private static void close(Lease lease) {
    try {
      lease.close();
    } catch (SQLException e) {
      // The connection is broken; the pool drops it. The call's result stands.
    }
  }
}
