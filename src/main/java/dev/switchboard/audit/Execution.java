package dev.switchboard.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * One recorded tool call or validation run. It never holds arguments or results, only what
 * happened: who, which provider, tool and credential, the outcome, the upstream status and how long.
 *
 * @param kind {@code TOOL_CALL} or {@code VALIDATION}
 * @param outcome the name of an {@code upstream.Outcome}
 */
public record Execution(
    String id,
    String userId,
    Kind kind,
    String provider,
    String tool,
    Optional<String> credentialId,
    Optional<String> bundle,
    String outcome,
    Optional<Integer> upstreamStatus,
    long durationMillis,
    Instant startedAt) {

  /** What was executed. */
  public enum Kind {
    TOOL_CALL,
    VALIDATION
  }
}
