package dev.switchboard.credential;

import dev.switchboard.audit.AuditTrail;
import dev.switchboard.audit.Execution;
import dev.switchboard.audit.Executions;
import dev.switchboard.audit.Metrics;
import dev.switchboard.credential.internal.CredentialRows;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.store.ShortLived;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.AuthMethodType;
import dev.switchboard.upstream.CallContext;
import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.ToolExecutor;
import dev.switchboard.upstream.ToolResult;
import dev.switchboard.vault.SealedPayload;
import dev.switchboard.vault.SecretFields;
import dev.switchboard.vault.Vault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a tool with a credential (DESIGN.md §2): decrypt the payload, execute, record the execution
 * and the credential's last use. The plaintext lives only for the duration of the call. The
 * sealed (encrypted) payload of a credential version is kept for up to {@value #KEEP_MILLIS} ms,
 * so that a stream of calls does not read it every time; every call still decrypts it.
 */
public final class CredentialCalls {
  private final CredentialRows rows;
  private final ProviderRegistry catalog;
  private final Vault vault;
  private final ToolExecutor executor;
  private final Executions executions;
  private final Clock clock;
  private final Duration timeout;
  private final CallLimits limits;
  private final TokenFreshener freshener;
  private final Metrics metrics;
  private final AuditHook audit;
  /**
   * When this instance last wrote a credential's last-use time: the credential a call carries comes
   * from a tool surface kept for a second, so its own {@code lastUsedAt} is up to a second old and
   * every call of that second would otherwise send the (then useless) UPDATE.
   */
  private final Map<String, Long> touched = new ConcurrentHashMap<>();
  static final long KEEP_MILLIS = 1_000;
  /** How often a credential's last-use time is written at most. */
  private static final long TOUCH_EVERY_MILLIS = 60_000;
  /** Credentials whose last write is remembered; past it the memory starts again (a write each, once). */
  private static final int TOUCHED_KEPT = 100_000;
  private final ShortLived<String, SealedPayload> kept = new ShortLived<>(Duration.ofMillis(KEEP_MILLIS), 10_000);

  public CredentialCalls(CredentialRows rows, ProviderRegistry catalog, Vault vault, ToolExecutor executor,
      Executions executions, Clock clock, Duration timeout, CallLimits limits, TokenFreshener freshener,
      Metrics metrics, AuditTrail audit) {
    this.freshener = freshener;
    this.metrics = metrics;
    this.audit = new AuditHook(audit);
    this.rows = rows;
    this.catalog = catalog;
    this.vault = vault;
    this.executor = executor;
    this.executions = executions;
    this.clock = clock;
    this.timeout = timeout;
    this.limits = limits;
  }

  /** The payload of this version of the credential: kept, or read. */
  private SealedPayload sealed(String userId, Credential credential) {
    return kept.get(credential.id() + ":" + credential.version(), key ->
        rows.jdbi().withHandle(h -> rows.payload(h, userId, credential.id()))
            .orElseThrow(() -> SwitchboardException.notFound("credential")));
  }

  /** Runs a tool call and records it as a {@link Execution.Kind#TOOL_CALL}. */
  public ToolResult call(ToolCall call) {
    return run(call, Execution.Kind.TOOL_CALL);
  }

  /**
   * Runs the call within one deadline: a refresh and the retry after an upstream 401 share the
   * time the call was given, they do not start a new budget.
   *
   * @throws SwitchboardException {@code too_many_calls} when the caller has too many calls in flight
   */
  ToolResult run(ToolCall call, Execution.Kind kind) {
    Instant deadline = call.deadline().orElseGet(() -> clock.instant().plus(timeout));
    CallLimits.Slot slot = limits.take(call.userId(), call.tool().provider());
    try {
      boolean oauth = call.credential().authMethod() == AuthMethodType.OAUTH2;
      Credential credential = oauth ? freshener.ensureFresh(call.credential()) : call.credential();
      ToolResult result = once(call, credential, kind, deadline);
      if (oauth && result.outcome() == Outcome.CREDENTIALS_REJECTED
          && result.upstreamStatus().orElse(0) == 401) {
        Credential refreshed = freshener.afterRejection(credential);
        if (refreshed.version() != credential.version()) {
          result = once(call, refreshed, kind, deadline);
        }
      }
      return result;
    } finally {
      slot.close();
    }
  }

  private ToolResult once(ToolCall call, Credential credential, Execution.Kind kind, Instant deadline) {
    Provider provider = catalog.require(call.tool().provider());
    SealedPayload sealed = sealed(call.userId(), credential);
    Instant started = clock.instant();
    long startNanos = System.nanoTime();
    SecretFields secrets = vault.open(call.userId(), credential.id(), sealed);
    ToolResult result = executor.execute(provider, call.tool(), call.arguments(),
        credential.authMethod(), secrets,
        new CallContext(call.userId(), credential.id(), deadline, call.progress()));
    long nanos = System.nanoTime() - startNanos;
    long millis = nanos / 1_000_000;
    metrics.toolCall(provider.slug(), kind.name(), result.outcome().name(), nanos,
        result.upstreamStatus().orElse(null));
    executions.record(new Execution(null, call.userId(), kind, provider.slug(), call.tool().name(),
        Optional.of(credential.id()), call.bundle(), result.outcome().name(), result.upstreamStatus(),
        millis, started));
    touchLastUsed(credential, started);
    if (kind == Execution.Kind.TOOL_CALL) {
      audit.record(call.userId(), "USED", credential.id(), provider.slug(), call.tool().name());
    }
    return result;
  }

  /** Records the use at most once a minute per credential: a write per call costs a commit. */
  private void touchLastUsed(Credential credential, Instant at) {
    long now = at.toEpochMilli();
    if (credential.lastUsedAt().map(last -> now - last.toEpochMilli() < TOUCH_EVERY_MILLIS).orElse(false)) {
      return;
    }
    Long last = touched.get(credential.id());
    if (last != null && now - last < TOUCH_EVERY_MILLIS) {
      return;
    }
    if (touched.size() >= TOUCHED_KEPT) {
      touched.clear();
    }
    touched.put(credential.id(), now);
    rows.touchLastUsed(credential.id(), at);
  }
}
