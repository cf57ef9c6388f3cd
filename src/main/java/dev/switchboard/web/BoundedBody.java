package dev.switchboard.web;

import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a limit. A longer body is read to its end and thrown away (up to a
 * hard ceiling) so that the client, still sending, receives the 413 instead of a broken connection.
 * A body that does not arrive in time is cut by {@link BodyGuard}; reading it then fails with
 * {@code body_incomplete} (nobody hears the answer: the connection is closed).
 */
final class BoundedBody {
  private static final long DRAIN_CEILING = 64L * 1024 * 1024;

  private BoundedBody() {}

  /** The body, or null when it is longer than {@code max} bytes. */
  static byte[] read(WebCall ctx, long max) {
    long declared = ctx.contentLength();
    try (InputStream in = ctx.body()) {
      if (declared >= 0 && declared <= max) {
        return exactly(in, (int) declared);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[16 * 1024];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > max) {
          drain(in, buffer, total);
          return null;
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new SwitchboardException(ErrorKind.INVALID_REQUEST, "body_incomplete",
          "the request body did not arrive in full in time");
    }
  }

  /**
   * A body of the declared length, read into one array of that size (the usual case: no buffer to
   * grow and copy), then its end: reading the end is what tells {@link BodyGuard} that the body is
   * in (its deadline would otherwise close the connection of a slow request). Jetty ends the stream
   * at the declared length and fails a shorter body.
   */
  private static byte[] exactly(InputStream in, int length) throws IOException {
    byte[] body = in.readNBytes(length);
    if (body.length < length || in.read() != -1) {
      throw new IOException("the body does not have its declared length");
    }
    return body;
  }

  private static void drain(InputStream in, byte[] buffer, long read) throws IOException {
    long total = read;
    int n;
    while (total < DRAIN_CEILING && (n = in.read(buffer)) > 0) {
      total += n;
    }
  }
}
