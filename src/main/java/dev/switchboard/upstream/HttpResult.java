package dev.switchboard.upstream;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What an upstream answered: status, headers, body and its media type. Any status is a result —
 * 4xx and 5xx included — only a failure to exchange is an exception.
 *
 * @param status the HTTP status of the final response (after redirects)
 * @param headers response headers in order
 * @param body the body, decoded from gzip when the upstream compressed it; at most the call's
 *     {@code maxResponseBytes}; not copied, so do not change it
 * @param contentType the {@code Content-Type} header, when present
 * @param truncated whether the body was longer than the cap and was cut there
 */
public record HttpResult(
    int status, List<Header> headers, byte[] body, Optional<String> contentType, boolean truncated) {

  public HttpResult {
    headers = List.copyOf(headers);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(contentType, "contentType");
  }

  /** The first value of header {@code name} (case-insensitive). */
  public Optional<String> header(String name) {
    for (Header header : headers) {
      if (header.is(name)) {
        return Optional.of(header.value());
      }
    }
    return Optional.empty();
  }

  /** Whether the status is 2xx. */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** The body as text, in the charset the content type names, UTF-8 otherwise. */
  public String bodyText() {
    return new String(body, charset());
  }

  @Override
  public String toString() {
    return "HttpResult[" + status + ", " + headers.size() + " headers, " + body.length + " body bytes"
        + (truncated ? ", truncated" : "") + "]";
  }

  private Charset charset() {
    String type = contentType.orElse("");
    int at = type.toLowerCase(Locale.ROOT).indexOf("charset=");
    if (at < 0) {
      return StandardCharsets.UTF_8;
    }
    String name = type.substring(at + 8).split(";", 2)[0].trim().replace("\"", "");
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }
}
