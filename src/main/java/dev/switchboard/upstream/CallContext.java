package dev.switchboard.upstream;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Who a call runs for and until when: the user, the credential whose secrets it uses (empty for
 * none), the absolute deadline every upstream step must respect, and where the progress a remote
 * MCP server reports for the call goes.
 *
 * @param progress receives the {@code params} of each {@code notifications/progress} a remote MCP
 *     server sends for this call ({@code progress}, {@code total}, {@code message}; its own
 *     {@code progressToken}, which the receiver replaces); called on a client thread, must not block
 */
public record CallContext(String userId, String credentialId, Instant deadline, Consumer<JsonNode> progress) {
  /** Progress nobody is told about. */
  public static final Consumer<JsonNode> NO_PROGRESS = update -> { };

  public CallContext {
    progress = Objects.requireNonNullElse(progress, NO_PROGRESS);
  }

  /** A call whose progress nobody is told about. */
  public CallContext(String userId, String credentialId, Instant deadline) {
    this(userId, credentialId, deadline, NO_PROGRESS);
  }
}
