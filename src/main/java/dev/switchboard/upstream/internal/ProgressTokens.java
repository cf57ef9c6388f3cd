package dev.switchboard.upstream.internal;

import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Asks for progress in a request's params: {@code _meta.progressToken} (MCP 2025-11-25, "Progress"). */
final class ProgressTokens {
  private ProgressTokens() {}

  /** A copy of {@code params} whose {@code _meta.progressToken} is {@code token}. */
  static ObjectNode ask(ObjectNode params, String token) {
    ObjectNode copy = params.deepCopy();
    ObjectNode meta = copy.path("_meta").isObject() ? (ObjectNode) copy.get("_meta") : copy.putObject("_meta");
    meta.put("progressToken", token);
    return copy;
  }

  /**
   * Sends a request asking for progress with {@code token} (through {@code send}, given the params
   * that ask): while it runs, each progress notification for the token gives {@code budget} its whole
   * time again and goes to {@code progress}. The one way both transports ask for progress.
   */
  static JsonNode request(Inbox inbox, String token, ObjectNode params, Budget budget, Consumer<JsonNode> progress,
      Function<ObjectNode, JsonNode> send) {
    inbox.watchProgress(token, update -> {
      budget.progressed();
      progress.accept(update);
    });
    try {
      return send.apply(ask(params, token));
    } finally {
      inbox.forgetProgress(token);
    }
  }
}
