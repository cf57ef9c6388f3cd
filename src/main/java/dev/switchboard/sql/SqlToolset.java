package dev.switchboard.sql;

import dev.switchboard.provider.DatabaseDsn;
import dev.switchboard.provider.DsnScheme;
import dev.switchboard.sql.internal.Connector;
import dev.switchboard.sql.internal.Dialect;
import dev.switchboard.sql.internal.Dialects;
import dev.switchboard.sql.internal.Execution;
import dev.switchboard.sql.internal.Operation;
import dev.switchboard.sql.internal.Operations;
import dev.switchboard.sql.internal.Pools;
import dev.switchboard.provider.Provider;
import dev.switchboard.tool.BuiltinCall;
import dev.switchboard.tool.Tool;
import dev.switchboard.upstream.BuiltinToolset;
import dev.switchboard.upstream.CallContext;
import dev.switchboard.upstream.HostResolver;
import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.ToolResult;
import dev.switchboard.vault.SecretFields;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The built-in SQL tools of one engine ({@code builtin: postgresql} or {@code builtin: mysql}):
 * {@code list_schemas}, {@code list_tables}, {@code describe_table}, {@code query} and {@code explain},
 * named {@code {provider}_{tool}}. They connect with the credential's {@link DatabaseDsn} and password,
 * to the address the outbound guard approves for the host, and run every statement in a READ ONLY
 * transaction that is rolled back, within the {@link SqlLimits} and the call's deadline. Both engines
 * share everything but their {@code Dialect} (driver, read-only setup, error codes, catalog queries).
 *
 * <p>Each credential gets a pool of at most two connections, keyed by its id and a fingerprint of
 * its settings; it is closed after the idle timeout and by {@link #forget}. {@link #close()} closes
 * every pool (call it once at shutdown). Thread safe.
 */
public final class SqlToolset implements BuiltinToolset, AutoCloseable {
  private final Dialect dialect;
  private final SqlLimits limits;
  private final Operations operations;
  private final Pools pools;
  private final Execution execution;

  /** The tools with {@link SqlLimits#defaults()} and the system clock. */
  public SqlToolset(DsnScheme engine, HostResolver resolver) {
    this(engine, resolver, SqlLimits.defaults(), Clock.systemUTC());
  }

  /**
   * @param resolver the outbound guard's resolver; hosts it refuses give {@link Outcome#BLOCKED}
   * @param clock decides when pools are idle and how much of a call's deadline is left
   */
  public SqlToolset(DsnScheme engine, HostResolver resolver, SqlLimits limits, Clock clock) {
    this.dialect = Dialects.of(engine);
    this.limits = limits;
    this.operations = new Operations(dialect, limits);
    this.pools = new Pools(new Connector(resolver, dialect), dialect, limits, clock);
    this.execution = new Execution(dialect, pools, limits, clock);
  }

  /** The {@code builtin} value of the providers this tool set serves: the engine's DSN scheme. */
  @Override
  public String name() {
    return dialect.scheme().scheme();
  }

  public SqlLimits limits() {
    return limits;
  }

  /** The tools of a provider whose {@code builtin} is {@link #name()}; none for other providers. */
  @Override
  public List<Tool> tools(Provider provider) {
    if (!name().equals(provider.builtin())) {
      return List.of();
    }
    return operations.all().stream()
        .map(op -> new Tool(provider.slug() + "_" + op.name(), provider.slug(), op.name(), op.title(),
            op.description(), op.inputSchema(), Set.of(), new BuiltinCall(name(), op.name())))
        .toList();
  }

  @Override
  public ToolResult call(Provider provider, String operation, JsonNode arguments, SecretFields secrets,
      CallContext context) {
    Optional<Operation> found = operations.find(operation);
    if (found.isEmpty()) {
      return ToolResult.failure(Outcome.INVALID_ARGUMENTS, "unknown " + dialect.product() + " tool " + operation,
          null);
    }
    return execution.call(found.get(), arguments, secrets, context);
  }

  /**
   * Checks that a credential works: connects directly (no pool), through the outbound guard, and
   * runs {@code SELECT 1}. Authentication failure (SQLSTATE 28P01, 28000; MySQL 1045) or a missing database
   * gives {@link Outcome#CREDENTIALS_REJECTED} ("credentials rejected: …"); a refused or timed-out
   * connection {@link Outcome#UNREACHABLE} ("provider unreachable: …"); a refused host
   * {@link Outcome#BLOCKED}. Messages never contain the password.
   */
  public ToolResult verify(SecretFields secrets, CallContext context) {
    return execution.verify(secrets, context);
  }

  /** Closes the credential's pool (after its settings changed, or it was revoked or deleted). */
  @Override
  public void forget(String credentialId) {
    pools.forget(credentialId);
  }

  /** How many credentials currently have an open pool (for metrics and tests). */
  public int openPools() {
    return pools.size();
  }

  /** Closes the pools unused for the idle timeout now; this also happens every few seconds. */
  public void closeIdlePools() {
    pools.closeIdle();
  }

  @Override
  public void close() {
    pools.close();
  }
}
