package dev.switchboard.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer to one Streamable HTTP POST that may turn into an event stream (MCP 2025-11-25,
 * "Sending Messages to the Server"): it stays a plain JSON answer until the request sends its caller
 * a message before the response (a progress notification); that first message commits the answer as
 * {@code text/event-stream}, and the response then follows as the stream's last event. Only for a
 * client that accepts event streams; the others never receive such messages. Messages may come from
 * any thread; writes are serialised. A client that went away drops what follows.
 */
final class PostStream implements Consumer<JsonNode> {
  private final WebCall ctx;
  private final JsonMapper json;
  private final boolean allowed;
  private boolean started;
  private OutputStream out;
  /** The client went away, or the answer was settled as plain JSON: nothing more is written. */
  private boolean closed;

  PostStream(WebCall ctx, JsonMapper json) {
    this.ctx = ctx;
    this.json = json;
    String accept = ctx.header("Accept");
    this.allowed = accept != null && accept.contains("text/event-stream");
  }

  @Override
  public synchronized void accept(JsonNode message) {
    if (!allowed || closed) {
      return;
    }
    if (!started) {
      ctx.status(200);
      ctx.header("Cache-Control", "no-cache");
      ctx.header("X-Accel-Buffering", "no");
      try {
        out = ctx.stream("text/event-stream");
      } catch (IOException e) {
        closed = true; // the client went away: nothing to answer
        return;
      }
      started = true;
    }
    write(message);
  }

  /** Whether the client accepts an event stream as the answer. */
  boolean allowed() {
    return allowed;
  }

  /**
   * Settles the answer's form once the request is done: true when it became an event stream (the
   * response must then be sent with {@link #end}); otherwise it stays plain JSON, and a message that
   * comes later from another thread (a late progress notification) is dropped instead of starting a
   * stream under the JSON answer the request's thread is about to write.
   */
  synchronized boolean settle() {
    if (!started) {
      closed = true;
    }
    return started;
  }

  /** Sends the response (none for a cancelled request) as the last event; the stream then ends. */
  synchronized void end(JsonNode response) {
    if (response != null && !closed) {
      write(response);
    }
  }

  private void write(JsonNode message) {
    try {
      out.write(("event: message\ndata: " + json.writeValueAsString(message) + "\n\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      closed = true; // the client went away: nothing to answer
    }
  }
}
