package dev.switchboard.credential;

import dev.switchboard.tool.Tool;
import dev.switchboard.upstream.CallContext;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * One tool call to run with one of the caller's credentials.
 *
 * @param bundle the bundle the call came through, recorded with the execution
 * @param deadline when the whole call must be over (for example one deadline shared by every item
 *     of a JSON-RPC batch); empty: the call timeout from when the call starts
 * @param progress receives what a remote MCP server reports of the call's progress
 *     ({@link CallContext#progress})
 */
public record ToolCall(String userId, Tool tool, JsonNode arguments, Credential credential,
    Optional<String> bundle, Optional<Instant> deadline, Consumer<JsonNode> progress) {

  public ToolCall {
    progress = progress == null ? CallContext.NO_PROGRESS : progress;
  }

  /** A call whose progress nobody is told about. */
  public ToolCall(String userId, Tool tool, JsonNode arguments, Credential credential, Optional<String> bundle,
      Optional<Instant> deadline) {
    this(userId, tool, arguments, credential, bundle, deadline, CallContext.NO_PROGRESS);
  }

  /** A call whose deadline is the call timeout from when it starts. */
  public ToolCall(String userId, Tool tool, JsonNode arguments, Credential credential, Optional<String> bundle) {
    this(userId, tool, arguments, credential, bundle, Optional.empty());
  }
}
