package dev.switchboard.web;

import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;
import io.javalin.http.Context;
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
  static byte[] read(Context ctx, long max) {
    try (InputStream in = ctx.req().getInputStream()) {
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

  private static void drain(InputStream in, byte[] buffer, long read) throws IOException {
    long total = read;
    int n;
    while (total < DRAIN_CEILING && (n = in.read(buffer)) > 0) {
      total += n;
    }
  }
}
