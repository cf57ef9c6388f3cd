package dev.switchboard.credential;

import dev.switchboard.tool.Tool;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One tool call to run with one of the caller's credentials.
 *
 * @param bundle the bundle the call came through, recorded with the execution
 * @param deadline when the whole call must be over (for example one deadline shared by every item
 *     of a JSON-RPC batch); empty: the call timeout from when the call starts
 */
public record ToolCall(String userId, Tool tool, JsonNode arguments, Credential credential,
    Optional<String> bundle, Optional<Instant> deadline) {

  /** A call whose deadline is the call timeout from when it starts. */
  public ToolCall(String userId, Tool tool, JsonNode arguments, Credential credential, Optional<String> bundle) {
    this(userId, tool, arguments, credential, bundle, Optional.empty());
  }
}
