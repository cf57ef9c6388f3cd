package dev.switchboard.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.eclipse.jetty.util.VirtualThreads;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer to one Streamable HTTP POST that may turn into an event stream (MCP 2025-11-25,
 * "Sending Messages to the Server"): it stays a plain JSON answer until the request sends its caller
 * a message before the response (a progress notification, a relayed request); that first message
 * makes the answer {@code text/event-stream}, and the response then follows as the stream's last
 * event. Only for a client that accepts event streams; the others never receive such messages.
 *
 * <p>Messages come from other threads (the upstream client's, which must not block), so {@link
 * #accept} only queues them: a writer of this answer's own, on a virtual thread, writes them in
 * order. A client that stops reading blocks only that writer; while {@value #MOST_WAITING} messages
 * wait for it, further ones are dropped (the response itself is always queued, last). A client that
 * went away drops what follows.
 */
final class PostStream implements Consumer<JsonNode> {
  /** Messages that may wait for a slow reader; more are dropped. */
  static final int MOST_WAITING = 256;
  private static final Executor WRITERS = VirtualThreads.areSupported()
      ? VirtualThreads.getNamedVirtualThreadsExecutor("mcp-post-stream") : Runnable::run;
  private final WebCall ctx;
  private final JsonMapper json;
  private final Executor writers;
  private final boolean allowed;
  private final ArrayDeque<String> waiting = new ArrayDeque<>();
  /** A message was accepted: the answer is an event stream. */
  private boolean started;
  /** A writer is draining {@link #waiting}. */
  private boolean writing;
  /** Settled as JSON, ended, or the client went away: nothing more is accepted. */
  private boolean closed;
  /** The stream once started; only the writer uses it. */
  private OutputStream out;

  PostStream(WebCall ctx, JsonMapper json) {
    this(ctx, json, WRITERS);
  }

  /** With {@code writers} running each stream's writer. */
  PostStream(WebCall ctx, JsonMapper json, Executor writers) {
    this.ctx = ctx;
    this.json = json;
    this.writers = writers;
    String accept = ctx.header("Accept");
    this.allowed = accept != null && accept.contains("text/event-stream");
  }

  /** Queues {@code message} for the caller; never waits for the client. */
  @Override
  public synchronized void accept(JsonNode message) {
    if (!allowed || closed) {
      return;
    }
    if (waiting.size() >= MOST_WAITING) {
      return; // the client does not read its stream: its memory stays bounded
    }
    started = true;
    queue(event(message));
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

  /**
   * Sends the response (none for a cancelled request) as the last event, after every message
   * before it, and returns once all are written or the client is gone: the request's thread then
   * ends the answer. Nothing is sent after it.
   */
  synchronized void end(JsonNode response) {
    if (response != null && !closed) {
      queue(event(response));
    }
    closed = true;
    while (writing) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private String event(JsonNode message) {
    return "event: message\ndata: " + json.writeValueAsString(message) + "\n\n";
  }

  /** Holding the lock: adds {@code event} and starts the writer unless it runs. */
  private void queue(String event) {
    waiting.add(event);
    if (!writing) {
      writing = true;
      writers.execute(this::drain);
    }
  }

  /** The writer: writes what waits, in order, until nothing does. */
  private void drain() {
    while (true) {
      String next;
      synchronized (this) {
        next = waiting.poll();
        if (next == null) {
          writing = false;
          notifyAll();
          return;
        }
      }
      if (!write(next)) {
        synchronized (this) {
          closed = true; // the client went away: nothing to answer
          waiting.clear();
          writing = false;
          notifyAll();
        }
        return;
      }
    }
  }

  private boolean write(String event) {
    try {
      if (out == null) {
        ctx.status(200);
        ctx.header("Cache-Control", "no-cache");
        ctx.header("X-Accel-Buffering", "no");
        out = ctx.stream("text/event-stream");
      }
      out.write(event.getBytes(StandardCharsets.UTF_8));
      out.flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
