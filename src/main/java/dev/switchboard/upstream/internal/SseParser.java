package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.RemoteMcpException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Reads a {@code text/event-stream} body as it arrives (WHATWG HTML §9.2.6): lines end with CRLF, LF
 * or CR; {@code :} starts a comment; {@code data}, {@code event}, {@code id} and {@code retry} are the
 * fields; an empty line dispatches the event. Bytes are decoded per line, so a character split across
 * network chunks is read whole. An event larger than the cap fails the stream with a
 * {@link RemoteMcpException} instead of growing without bound. Not thread safe: one stream, fed in order.
 */
final class SseParser {
  private final int maxEventBytes;
  private final Consumer<SseEvent> sink;
  private byte[] line;
  private int lineLength;
  private boolean afterCr;
  private boolean firstLine = true;
  private final StringBuilder data = new StringBuilder();
  /** Bytes of the current event's data lines; comments and other fields do not accumulate. */
  private long dataBytes;
  private String type = "";
  private volatile String lastEventId = "";
  private volatile long retryMillis = -1;

  public SseParser(int maxEventBytes, Consumer<SseEvent> sink) {
    this.maxEventBytes = maxEventBytes;
    this.sink = sink;
    this.line = new byte[Math.min(256, maxEventBytes)];
  }

  /** Consumes every remaining byte of {@code bytes}, dispatching complete events to the sink. */
  public void feed(ByteBuffer bytes) {
    while (bytes.hasRemaining()) {
      byte b = bytes.get();
      if (b == '\n' && afterCr) {
        afterCr = false;
      } else if (b == '\n' || b == '\r') {
        afterCr = b == '\r';
        endLine();
      } else {
        afterCr = false;
        append(b);
      }
    }
  }

  /** The id of the last event, for {@code Last-Event-ID} when resuming; empty when none. */
  public String lastEventId() {
    return lastEventId;
  }

  /** The reconnection time the server asked for with {@code retry}, or -1. */
  public long retryMillis() {
    return retryMillis;
  }

  private void append(byte b) {
    if (dataBytes + lineLength >= maxEventBytes) {
      throw tooLarge();
    }
    if (lineLength == line.length) {
      line = Arrays.copyOf(line, (int) Math.min((long) line.length * 2, maxEventBytes));
    }
    line[lineLength++] = b;
  }

  private void endLine() {
    String text = new String(line, 0, lineLength, StandardCharsets.UTF_8);
    if (firstLine && text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    firstLine = false;
    int length = lineLength;
    lineLength = 0;
    if (text.isEmpty()) {
      dispatch();
    } else if (!text.startsWith(":")) {
      int colon = text.indexOf(':');
      String field = colon < 0 ? text : text.substring(0, colon);
      String value = colon < 0 ? "" : text.substring(colon + 1);
      if (field.equals("data")) {
        dataBytes += length;
      }
      field(field, value.startsWith(" ") ? value.substring(1) : value);
    }
  }

  private void field(String name, String value) {
    switch (name) {
      case "data" -> data.append(value).append('\n');
      case "event" -> type = value;
      case "id" -> {
        if (value.indexOf('\0') < 0) {
          lastEventId = value;
        }
      }
      case "retry" -> {
        if (!value.isEmpty() && value.length() < 10 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
          retryMillis = Long.parseLong(value);
        }
      }
      default -> { }
    }
  }

  private void dispatch() {
    dataBytes = 0;
    if (data.length() == 0) {
      type = "";
      return;
    }
    String payload = data.substring(0, data.length() - 1);
    String name = type.isEmpty() ? "message" : type;
    data.setLength(0);
    type = "";
    sink.accept(new SseEvent(name, payload, lastEventId));
  }

  private RemoteMcpException tooLarge() {
    return RemoteMcpException.protocol("the MCP server sent an event larger than " + maxEventBytes
        + " bytes, the most Switchboard accepts for one message");
  }
}
