package dev.switchboard.audit;

import java.util.Optional;

/** Optional filters of the executions listing. */
public record ExecutionFilter(
    Optional<String> provider, Optional<String> bundle, Optional<String> outcome, Optional<String> tool) {

  public static ExecutionFilter none() {
    return new ExecutionFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }
}
