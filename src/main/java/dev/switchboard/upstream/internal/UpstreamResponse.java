package dev.switchboard.upstream.internal;

import java.util.Optional;
import java.util.function.Function;

/** What the mapper needs of an upstream HTTP answer; {@code headers} finds a header by name. */
record UpstreamResponse(int status, String contentType, byte[] body, boolean truncated,
    Optional<String> retryAfter, long maxBytes, Function<String, Optional<String>> headers) {

  /** An answer whose other headers do not matter. */
  UpstreamResponse(int status, String contentType, byte[] body, boolean truncated, Optional<String> retryAfter,
      long maxBytes) {
    this(status, contentType, body, truncated, retryAfter, maxBytes, name -> Optional.empty());
  }
}
