package dev.switchboard.credential;

import dev.switchboard.audit.AuditTrail;
import dev.switchboard.audit.Execution;
import dev.switchboard.audit.Metrics;
import dev.switchboard.credential.internal.CredentialRows;
import dev.switchboard.error.FieldErrors;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.provider.AuthMethodType;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.provider.Provider;
import dev.switchboard.tool.ArgumentValidator;
import dev.switchboard.tool.HttpOperation;
import dev.switchboard.tool.Tool;
import dev.switchboard.tool.ToolCatalog;
import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.ToolResult;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verification (DESIGN.md §4): run a validation tool with the credential and record the outcome.
 * UNVERIFIED → PENDING → VERIFIED, or ERROR with a message: "credentials rejected" for 401/403,
 * "provider unreachable" for network failures and 5xx (different codes). The credential verified
 * last becomes current; a current credential that fails hands over to the most recently verified
 * other one ({@link CurrentCredential}).
 */
public final class CredentialVerifier {
  private final CredentialRows rows;
  private final ProviderRegistry catalog;
  private final ToolCatalog tools;
  private final ArgumentValidator validator;
  private final CredentialCalls calls;
  private final JsonMapper json;
  private final Clock clock;
  private final CredentialEvents events;
  private final CurrentCredential currentRule;
  private final RemoteToolDirectory remote;
  private final AuditHook audit;
  private final Metrics metrics;

  /** {@code remote} lets verification use the tools of remote MCP providers. */
  public CredentialVerifier(CredentialRows rows, ProviderRegistry catalog, ToolCatalog tools,
      ArgumentValidator validator, CredentialCalls calls, RemoteToolDirectory remote, JsonMapper json, Clock clock,
      CredentialEvents events, CurrentCredential currentRule, Metrics metrics, AuditTrail audit) {
    this.remote = remote;
    this.metrics = metrics;
    this.audit = new AuditHook(audit);
    this.events = events;
    this.currentRule = currentRule;
    this.rows = rows;
    this.catalog = catalog;
    this.tools = tools;
    this.validator = validator;
    this.calls = calls;
    this.json = json;
    this.clock = clock;
  }

  /** Runs the named tool (default: the provider's validation tool) and returns the credential after. */
  public Credential verify(String userId, String id, Optional<String> toolName, Optional<JsonNode> arguments) {
    Credential credential = rows.jdbi().withHandle(h -> rows.find(h, userId, id))
        .orElseThrow(() -> SwitchboardException.notFound("credential"));
    if (credential.status() != CredentialStatus.ACTIVE) {
      throw SwitchboardException.conflict("credential_disabled", "enable the credential before verifying it");
    }
    Provider provider = catalog.require(credential.provider());
    Optional<ToolResult> unlisted = unlisted(provider, credential);
    if (unlisted.isPresent()) {
      // the MCP server rejected the credential or could not be reached: that is the verification's result
      Credential after = record(userId, credential, unlisted.get());
      audit.record(userId, "VERIFICATION_FAILED", id, provider.slug(),
          "tools/list: " + after.verificationCode().orElse("error"));
      metrics.verification(provider.slug(), after.verification().name());
      return after;
    }
    Tool tool = tool(provider, toolName, credential);
    JsonNode args = arguments.orElseGet(() -> defaultArguments(provider, tool));
    List<String> problems = validator.problems(tool, args);
    if (!problems.isEmpty()) {
      throw new FieldErrors(Map.of("arguments", String.join("; ", problems)));
    }
    apply(userId, id, new StateEvent.ValidationStarted());
    ToolResult result;
    try {
      result = calls.run(new ToolCall(userId, tool, args, credential, Optional.empty()),
          Execution.Kind.VALIDATION);
    } catch (SwitchboardException e) {
      // refused before anything ran (too many calls in flight): the credential is as it was
      apply(userId, id, new StateEvent.ValidationAbandoned(credential));
      throw e;
    }
    Credential after = record(userId, credential, result);
    audit.record(userId, after.verification() == Verification.VERIFIED ? "VERIFIED" : "VERIFICATION_FAILED", id,
        provider.slug(), tool.name() + ": " + after.verificationCode().orElse("ok"));
    metrics.verification(provider.slug(), after.verification().name());
    return after;
  }

  /**
   * Event "a call was rejected" (docs/credentials.md): a tool call with this VERIFIED credential
   * was rejected (401/403 or the provider's rejection rule). OAuth credentials were refreshed and
   * the call retried already ({@link CredentialCalls}), so the rejection stands; other credentials
   * run the provider's validation tool once to confirm it. A confirmed rejection moves the
   * credential to ERROR with the upstream's (redacted) reason; a validation that passes, or a
   * provider that cannot be reached, leaves the state as it was (a 403 on one operation may only
   * mean a missing permission).
   *
   * @return the credential after, or empty when it was gone
   */
  public Optional<Credential> confirmRejection(String userId, Credential credential, ToolResult rejection) {
    Provider provider = catalog.require(credential.provider());
    ToolResult confirmed = rejection;
    Optional<Tool> check = credential.authMethod() == AuthMethodType.OAUTH2 || provider.validation() == null
        ? Optional.empty()
        : tools.find(provider.slug(), provider.validation().tool())
            .or(() -> remote.find(credential, provider.validation().tool()));
    if (check.isPresent()) {
      confirmed = calls.run(new ToolCall(userId, check.get(), defaultArguments(provider, check.get()), credential,
          Optional.empty()), Execution.Kind.VALIDATION);
    }
    if (confirmed.outcome() != Outcome.CREDENTIALS_REJECTED) {
      return Optional.of(credential);
    }
    StateEvent event = new StateEvent.CallRejectedConfirmed(code(confirmed.outcome()), message(confirmed));
    // deleted, or changed meanwhile (re-validated, re-authorized): not ours to fail
    Optional<StateChange> change = rows.jdbi().inTransaction(h -> rows.find(h, userId, credential.id())
        .filter(c -> CurrentCredential.refusal(c, event).isEmpty())
        .map(c -> currentRule.apply(h, c, event)));
    if (change.isEmpty()) {
      return Optional.empty();
    }
    Credential after = reported(change.get());
    audit.record(userId, "REJECTED_ON_CALL", credential.id(), provider.slug(),
        after.verificationCode().orElse("credentials_rejected"));
    metrics.verification(provider.slug(), after.verification().name());
    return Optional.of(after);
  }

  /**
   * The transition of a validation result: OK → VERIFIED and current; anything else → ERROR with
   * its code and message, the next usable credential taking over ({@link CurrentCredential#apply}).
   * Tells the listeners (list_changed, bundle readiness) and the owner after the commit.
   */
  private Credential record(String userId, Credential credential, ToolResult result) {
    StateEvent event = result.outcome() == Outcome.OK ? new StateEvent.ValidationPassed(clock.instant())
        : new StateEvent.ValidationFailed(code(result.outcome()), message(result));
    return reported(apply(userId, credential.id(), event));
  }

  /** Applies {@code event} to the credential in a transaction of its own ({@link CurrentCredential#apply}). */
  private StateChange apply(String userId, String id, StateEvent event) {
    return rows.jdbi().inTransaction(h -> currentRule.apply(h,
        rows.find(h, userId, id).orElseThrow(() -> SwitchboardException.notFound("credential")), event));
  }

  /** After the commit of {@code change}: tells the listeners, then the owner. */
  private Credential reported(StateChange change) {
    events.changed(change.after().userId(), change.after().id());
    currentRule.announce(change);
    return change.after();
  }

  /**
   * The tools that may test one of the user's credentials ({@link ValidationTools}): the provider's
   * validation tool first, then the read-only ones by name. For a remote MCP provider they are
   * listed from its server with this credential (none when it cannot be reached).
   */
  public List<Tool> validationTools(String userId, String id) {
    Credential credential = rows.jdbi().withHandle(h -> rows.find(h, userId, id))
        .orElseThrow(() -> SwitchboardException.notFound("credential"));
    Provider provider = catalog.require(credential.provider());
    List<Tool> candidates = tools.ofProvider(provider.slug());
    if (candidates.isEmpty()) {
      candidates = remote.tools(credential);
    }
    return candidates.stream().filter(t -> ValidationTools.allowed(provider, t))
        .sorted(Comparator.comparing((Tool t) -> !ValidationTools.isDefault(provider, t))
            .thenComparing(Tool::localName))
        .toList();
  }

  /** For a remote MCP provider: why its server could not list its tools with this credential, if it could not. */
  private Optional<ToolResult> unlisted(Provider provider, Credential credential) {
    if (!tools.ofProvider(provider.slug()).isEmpty()
        || remote.remoteProviderOf(provider.slug() + "_x").isEmpty()) {
      return Optional.empty();
    }
    return remote.list(credential).failure();
  }

  private Tool tool(Provider provider, Optional<String> name, Credential credential) {
    Tool tool = find(provider, name, credential);
    if (!ValidationTools.allowed(provider, tool)) {
      throw new FieldErrors(Map.of("tool", tool.localName() + " may change data at " + provider.name()
          + " (" + what(tool) + "), so it cannot test a credential; choose a read-only tool or "
          + provider.name() + "'s validation tool"));
    }
    return tool;
  }

  private static String what(Tool tool) {
    return tool.recipe() instanceof HttpOperation op ? "an HTTP " + op.method() + " operation"
        : "its MCP server marks it readOnlyHint: false";
  }

  private Tool find(Provider provider, Optional<String> name, Credential credential) {
    String wanted = name.orElseGet(() -> provider.validation() == null ? "" : provider.validation().tool());
    if (wanted.isEmpty()) {
      throw new FieldErrors(Map.of("tool", provider.name() + " has no default validation tool; name one"));
    }
    return tools.find(provider.slug(), wanted)
        .or(() -> remote.find(credential, wanted))
        .orElseThrow(() -> new FieldErrors(Map.of("tool", "'" + wanted + "' is not a tool of " + provider.name()
            + (remote.remoteProviderOf(provider.slug() + "_x").isPresent()
                ? " (its MCP server does not list it)" : ""))));
  }

  private JsonNode defaultArguments(Provider provider, Tool tool) {
    if (provider.validation() != null && provider.validation().tool().equals(tool.localName())) {
      return json.valueToTree(provider.validation().arguments());
    }
    return json.createObjectNode();
  }

  static String code(Outcome outcome) {
    return switch (outcome) {
      case CREDENTIALS_REJECTED -> "credentials_rejected";
      case UNREACHABLE -> "provider_unreachable";
      case TIMEOUT -> "provider_timeout";
      case RATE_LIMITED -> "rate_limited";
      case BLOCKED -> "outbound_blocked";
      case INVALID_ARGUMENTS -> "invalid_arguments";
      case UPSTREAM_REJECTED_REQUEST -> "upstream_rejected_request";
      case OK -> "ok";
    };
  }

  private static String message(ToolResult result) {
    String text = result.text();
    return text.length() <= 500 ? text : text.substring(0, 500) + "…";
  }
}
