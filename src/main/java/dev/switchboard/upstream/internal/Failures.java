package dev.switchboard.upstream.internal;

import dev.switchboard.error.SwitchboardException;
import dev.switchboard.upstream.UpstreamUnavailableException;
import dev.switchboard.upstream.UpstreamUnavailableException.Failure;
import java.io.EOFException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Turns what the HTTP client failed with into Switchboard errors. The guard's own errors pass
 * through unchanged; everything else becomes an {@link UpstreamUnavailableException} that names
 * the host and port only. Exception messages of the JDK and Jetty are not copied: they can contain
 * the full URL, query string included.
 */
public final class Failures {
  private static final int MAX_DEPTH = 16;

  private Failures() {}

  /** The error for {@code failure} of a call to {@code uri} whose deadline allowed {@code budgetMillis}. */
  public static SwitchboardException map(Throwable failure, URI uri, long budgetMillis) {
    String target = target(uri);
    Throwable cause = failure;
    for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
      if (cause instanceof SwitchboardException known) {
        return known;
      }
      if (cause instanceof TimeoutException) {
        return timedOut(uri, budgetMillis);
      }
      if (cause instanceof SocketTimeoutException) {
        return failure(Failure.CONNECT, "cannot connect to " + target + " (connect timed out)");
      }
      if (cause instanceof UnknownHostException) {
        return failure(Failure.DNS, "cannot resolve " + uri.getHost() + " (DNS lookup failed)");
      }
      if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
        return failure(Failure.CONNECT,
            "cannot connect to " + target + " (connection refused or unreachable)");
      }
      if (cause instanceof SSLException) {
        return failure(Failure.TLS, "the TLS handshake with " + target
            + " failed (untrusted or mismatched certificate, or protocol error)");
      }
      if (cause instanceof EOFException || cause instanceof ClosedChannelException) {
        return failure(Failure.BROKEN,
            "the connection to " + target + " closed before the response was complete");
      }
    }
    return new UpstreamUnavailableException(Failure.BROKEN,
        "the request to " + target + " failed (" + failure.getClass().getSimpleName() + ")");
  }

  private static UpstreamUnavailableException failure(Failure failure, String message) {
    return new UpstreamUnavailableException(failure, message);
  }

  /** "the request to host:port timed out after N s", N in seconds to a tenth (30, 0.7). */
  public static UpstreamUnavailableException timedOut(URI uri, long budgetMillis) {
    return new UpstreamUnavailableException(Failure.TIMEOUT,
        "the request to " + target(uri) + " timed out after " + seconds(budgetMillis) + " s");
  }

  /** Milliseconds as seconds to a tenth: 30000 → "30", 699 → "0.7", 0 → "0". */
  static String seconds(long millis) {
    return BigDecimal.valueOf(Math.max(0, millis), 3).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros()
        .toPlainString();
  }

  /** Host and, when given, port: never the path or query. */
  public static String target(URI uri) {
    return uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }
}
