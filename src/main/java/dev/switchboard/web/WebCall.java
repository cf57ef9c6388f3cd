package dev.switchboard.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One HTTP request and its answer, as the MCP transport uses them, whichever way the request came
 * in: through Javalin's routes ({@link #of}), or through {@link McpPostHandler}, the plain Jetty
 * handler that serves {@code POST} to the MCP endpoints ahead of Javalin. Not thread-safe: the
 * request's thread uses it, and a {@link PostStream} that starts and writes a stream from another
 * thread serialises that itself.
 */
interface WebCall {
  static WebCall of(Context ctx) {
    return new JavalinCall(ctx);
  }

  String method();

  /** The request's path, as sent (not decoded). */
  String path();

  /** A request header; null when absent. */
  String header(String name);

  /** Sets a header of the answer. */
  void header(String name, String value);

  void status(int status);

  int status();

  /** The declared length of the body; -1 when none is declared. */
  long contentLength();

  InputStream body() throws IOException;

  /**
   * Starts an answer written as it goes (an event stream) of {@code contentType} in UTF-8, with the
   * status and headers set so far; they are sent with its first write.
   */
  OutputStream stream(String contentType) throws IOException;

  /** The whole answer at once. */
  void answer(int status, String contentType, byte[] body);
}
