package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.UpstreamNotices;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the messages of one MCP connection arrive, whichever stream carried them: an answer
 * completes the request waiting for its id, {@code notifications/tools/list_changed} runs the
 * tools-changed hook, {@code notifications/progress} goes to the call that asked for it by its
 * progress token, the notifications of {@link UpstreamNotices#RELAYED} go to the notices hook, a
 * request from the server goes to the connection to be answered (with the id of the request whose
 * response stream carried it, when known); anything else (other notifications, unknown ids, text
 * that is not JSON) is ignored. Thread safe.
 */
final class Inbox {
  static final String TOOLS_CHANGED = "notifications/tools/list_changed";
  static final String PROGRESS = "notifications/progress";

  private final JsonMapper json;
  private final Runnable toolsChanged;
  private final Consumer<JsonNode> notices;
  private final Map<Long, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
  private final Map<String, Consumer<JsonNode>> progress = new ConcurrentHashMap<>();
  private volatile BiConsumer<JsonNode, Long> serverRequests = (request, related) -> { };

  Inbox(JsonMapper json, Runnable toolsChanged, Consumer<JsonNode> notices) {
    this.json = json;
    this.toolsChanged = toolsChanged;
    this.notices = notices;
  }

  /**
   * Who answers requests the server sends, given the request and the id of the request whose
   * response stream carried it (null when it came on a stream of its own); until set they are ignored.
   */
  void answerServerRequestsWith(BiConsumer<JsonNode, Long> answerer) {
    serverRequests = answerer;
  }

  /** The events of the response stream of request {@code related}. */
  Consumer<SseEvent> eventsOf(long related) {
    return event -> {
      if (event.type().equals("message") && !event.data().isBlank()) {
        accept(event.data(), related);
      }
    };
  }

  /** The future the answer with {@code id} completes; {@link #forget} it when done. */
  CompletableFuture<JsonNode> expect(long id) {
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    waiting.put(id, answer);
    return answer;
  }

  void forget(long id) {
    waiting.remove(id);
  }

  /** Where the {@code params} of {@code notifications/progress} for {@code token} go, until forgotten. */
  void watchProgress(String token, Consumer<JsonNode> listener) {
    progress.put(token, listener);
  }

  void forgetProgress(String token) {
    progress.remove(token);
  }

  /** A server-sent event: the {@code message} events carry JSON-RPC. */
  void onEvent(SseEvent event) {
    if (event.type().equals("message") && !event.data().isBlank()) {
      accept(event.data());
    }
  }

  /** One JSON-RPC message or batch, as text. */
  void accept(String text) {
    accept(text, null);
  }

  private void accept(String text, Long related) {
    JsonNode parsed;
    try {
      parsed = json.readTree(text);
    } catch (JacksonException e) {
      return;
    }
    if (parsed.isArray()) {
      parsed.forEach(m -> accept(m, related));
    } else {
      accept(parsed, related);
    }
  }

  private void accept(JsonNode message, Long related) {
    if (!message.isObject()) {
      return;
    }
    JsonNode id = message.get("id");
    JsonNode method = message.get("method");
    if (method != null && method.isString()) {
      if (id == null || id.isNull()) {
        if (method.asString().equals(TOOLS_CHANGED)) {
          toolsChanged.run();
        } else if (method.asString().equals(PROGRESS)) {
          progressed(message.path("params"));
        } else if (UpstreamNotices.RELAYED.contains(method.asString())) {
          notices.accept(message);
        }
      } else {
        serverRequests.accept(message, related);
      }
      return;
    }
    Long key = idOf(id);
    CompletableFuture<JsonNode> answer = key == null ? null : waiting.get(key);
    if (answer != null && (message.has("result") || message.has("error"))) {
      answer.complete(message);
    }
  }

  private void progressed(JsonNode params) {
    JsonNode token = params.path("progressToken");
    Consumer<JsonNode> listener = token.isString() ? progress.get(token.asString()) : null;
    if (listener != null && params.isObject()) {
      listener.accept(params);
    }
  }

  private static Long idOf(JsonNode id) {
    if (id == null) {
      return null;
    }
    if (id.isIntegralNumber()) {
      return id.asLong();
    }
    String text = id.isString() ? id.asString() : "";
    return !text.isEmpty() && text.length() < 19 && text.chars().allMatch(c -> c >= '0' && c <= '9')
        ? Long.valueOf(text) : null;
  }
}
