package dev.switchboard.web;

import dev.switchboard.mcp.ListChangedBroker;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Server-Sent Events response held open on the request's thread: messages put on it are written
 * as {@code event: message} (or a named event), a comment every 15 s keeps proxies from closing it
 * and notices a client that went away. Ends when the client disconnects or {@link #close()} is called.
 */
final class EventStream implements ListChangedBroker.Sink {
  private static final long HEARTBEAT_SECONDS = 15;
  private static final String CLOSE = "\u0000close";
  private final BlockingQueue<String> queue = new LinkedBlockingQueue<>(1000);
  private final JsonMapper json;
  private volatile boolean open = true;

  EventStream(JsonMapper json) {
    this.json = json;
  }

  @Override
  public boolean send(JsonNode message) {
    return event("message", json.writeValueAsString(message));
  }

  boolean event(String name, String data) {
    return open && queue.offer("event: " + name + "\ndata: " + data + "\n\n");
  }

  @Override
  public void close() {
    open = false;
    queue.offer(CLOSE);
  }

  /** Writes events until the client leaves or the stream is closed; blocks the calling thread. */
  void run(WebCall ctx, String first) {
    ctx.status(200);
    ctx.header("Cache-Control", "no-cache");
    ctx.header("X-Accel-Buffering", "no");
    try {
      OutputStream out = ctx.stream("text/event-stream");
      write(out, first);
      while (open) {
        String next = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        if (CLOSE.equals(next)) {
          break;
        }
        write(out, next == null ? ": keep-alive\n\n" : next);
      }
    } catch (IOException e) {
      // the client went away: nothing to answer
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open = false;
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    if (text != null && !text.isEmpty()) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }
}
