package dev.switchboard.postgres;

import dev.switchboard.provider.PostgresDsn;

import dev.switchboard.postgres.internal.Connector;
import dev.switchboard.postgres.internal.Execution;
import dev.switchboard.postgres.internal.Operation;
import dev.switchboard.postgres.internal.Operations;
import dev.switchboard.postgres.internal.Pools;
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
 * The built-in PostgreSQL tools ({@code builtin: postgresql}): {@code list_schemas},
 * {@code list_tables}, {@code describe_table}, {@code query} and {@code explain}, named
 * {@code {provider}_{tool}}. They connect with the credential's {@link PostgresDsn} and password,
 * to the address the outbound guard approves for the host, and run every statement in a READ ONLY
 * transaction that is rolled back, within the {@link PostgresLimits} and the call's deadline.
 *
 * <p>Each credential gets a pool of at most two connections, keyed by its id and a fingerprint of
 * its settings; it is closed after the idle timeout and by {@link #forget}. {@link #close()} closes
 * every pool (call it once at shutdown). Thread safe.
 */
public final class PostgresToolset implements BuiltinToolset, AutoCloseable {
  /** The {@code builtin} value of the providers this tool set serves. */
  public static final String NAME = "postgresql";

  private final PostgresLimits limits;
  private final Operations operations;
  private final Pools pools;
  private final Execution execution;

  /** The tools with {@link PostgresLimits#defaults()} and the system clock. */
  public PostgresToolset(HostResolver resolver) {
    this(resolver, PostgresLimits.defaults(), Clock.systemUTC());
  }

  /**
   * @param resolver the outbound guard's resolver; hosts it refuses give {@link Outcome#BLOCKED}
   * @param clock decides when pools are idle and how much of a call's deadline is left
   */
  public PostgresToolset(HostResolver resolver, PostgresLimits limits, Clock clock) {
    this.limits = limits;
    this.operations = new Operations(limits);
    this.pools = new Pools(new Connector(resolver), limits, clock);
    this.execution = new Execution(pools, limits, clock);
  }

  @Override
  public String name() {
    return NAME;
  }

  public PostgresLimits limits() {
    return limits;
  }

  /** The tools of a provider whose {@code builtin} is {@value #NAME}; none for other providers. */
  @Override
  public List<Tool> tools(Provider provider) {
    if (!NAME.equals(provider.builtin())) {
      return List.of();
    }
    return operations.all().stream()
        .map(op -> new Tool(provider.slug() + "_" + op.name(), provider.slug(), op.name(), op.title(),
            op.description(), op.inputSchema(), Set.of(), new BuiltinCall(NAME, op.name())))
        .toList();
  }

  @Override
  public ToolResult call(Provider provider, String operation, JsonNode arguments, SecretFields secrets,
      CallContext context) {
    Optional<Operation> found = operations.find(operation);
    if (found.isEmpty()) {
      return ToolResult.failure(Outcome.INVALID_ARGUMENTS, "unknown PostgreSQL tool " + operation, null);
    }
    return execution.call(found.get(), arguments, secrets, context);
  }

  /**
   * Checks that a credential works: connects directly (no pool), through the outbound guard, and
   * runs {@code SELECT 1}. Authentication failure (SQLSTATE 28P01, 28000) or a missing database
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
