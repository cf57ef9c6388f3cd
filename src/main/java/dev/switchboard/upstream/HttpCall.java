package dev.switchboard.upstream;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One outbound HTTP request for {@link OutboundHttp#send}.
 *
 * @param method upper-case method ({@code GET}, {@code POST}, …)
 * @param uri the absolute http(s) URI; the guard checks it again before sending
 * @param headers request headers in order, repeated names allowed; hop-by-hop and framing headers
 *     ({@code Host}, {@code Content-Length}, {@code Transfer-Encoding}, {@code Connection}, …) are
 *     set by the client and ignored here, and so is {@code Content-Type} when there is a body
 * @param body the request body, empty for none; not copied, so do not change it afterwards
 * @param contentType the body's media type; {@code application/octet-stream} when a body has none
 * @param deadline when the whole exchange — connection, redirects, the last byte of the body — must
 *     be over
 * @param maxResponseBytes the most body bytes kept; a longer body is cut and marked truncated
 */
public record HttpCall(
    String method,
    URI uri,
    List<Header> headers,
    byte[] body,
    Optional<String> contentType,
    Instant deadline,
    int maxResponseBytes) {

  private static final byte[] NO_BODY = new byte[0];

  public HttpCall {
    method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
    Objects.requireNonNull(uri, "uri");
    headers = List.copyOf(headers);
    body = body == null ? NO_BODY : body;
    contentType = Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(deadline, "deadline");
    if (method.isEmpty() || !method.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
      throw new IllegalArgumentException("method must be letters only");
    }
    if (maxResponseBytes <= 0) {
      throw new IllegalArgumentException("maxResponseBytes must be positive");
    }
  }

  /** A GET without headers. */
  public static HttpCall get(URI uri, Instant deadline, int maxResponseBytes) {
    return new HttpCall("GET", uri, List.of(), NO_BODY, Optional.empty(), deadline, maxResponseBytes);
  }

  /** This call with another method. */
  public HttpCall withMethod(String newMethod) {
    return new HttpCall(newMethod, uri, headers, body, contentType, deadline, maxResponseBytes);
  }

  /** This call to another URI. */
  public HttpCall withUri(URI newUri) {
    return new HttpCall(method, newUri, headers, body, contentType, deadline, maxResponseBytes);
  }

  /** This call with one more header. */
  public HttpCall withHeader(String name, String value) {
    List<Header> more = new ArrayList<>(headers);
    more.add(new Header(name, value));
    return new HttpCall(method, uri, more, body, contentType, deadline, maxResponseBytes);
  }

  /** This call with a body of the given media type. */
  public HttpCall withBody(byte[] newBody, String mediaType) {
    return new HttpCall(method, uri, headers, newBody, Optional.of(mediaType), deadline, maxResponseBytes);
  }

  /** Names the method, host and sizes only: paths, queries, header values and bodies can hold secrets. */
  @Override
  public String toString() {
    return "HttpCall[" + method + " " + uri.getHost() + ", " + headers.size() + " headers, "
        + body.length + " body bytes]";
  }
}
