package dev.switchboard.credential;

import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.ToolResult;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tool calls whose outcomes feed the credential's state (docs/credentials.md, "Call outcomes"): a
 * call a VERIFIED credential had rejected is confirmed once and then fails the credential
 * ({@link CredentialVerifier#confirmRejection}). Rate limits, unreachable upstreams and refused
 * requests change nothing. While one rejection of a credential is being confirmed, others of the
 * same credential are not confirmed again. Thread safe.
 */
public final class CheckedCalls {
  private static final Logger LOG = LoggerFactory.getLogger(CheckedCalls.class);
  private final CredentialCalls calls;
  private final CredentialVerifier verifier;
  private final Set<String> confirming = ConcurrentHashMap.newKeySet();

  public CheckedCalls(CredentialCalls calls, CredentialVerifier verifier) {
    this.calls = calls;
    this.verifier = verifier;
  }

  /** Runs the call (as {@link CredentialCalls#call}); a rejection is confirmed before the answer. */
  public ToolResult call(ToolCall call) {
    ToolResult result = calls.call(call);
    Credential credential = call.credential();
    if (result.outcome() == Outcome.CREDENTIALS_REJECTED && credential.verification() == Verification.VERIFIED
        && confirming.add(credential.id())) {
      try {
        verifier.confirmRejection(call.userId(), credential, result);
      } catch (RuntimeException e) {
        // the call's answer stands; the state is left for the next call or validation to settle
        LOG.warn("could not confirm the rejection of credential {}: {}", credential.id(), e.getMessage());
      } finally {
        confirming.remove(credential.id());
      }
    }
    return result;
  }
}
