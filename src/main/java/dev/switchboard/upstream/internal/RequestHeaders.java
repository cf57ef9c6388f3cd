package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which caller headers travel. Framing and hop-by-hop headers (RFC 9110 §7.6.1) are the client's
 * business — a caller-supplied {@code Content-Length} or {@code Transfer-Encoding} could smuggle a
 * second request. After a redirect to another origin only headers that cannot carry a credential
 * remain, so a key injected for one host never reaches another. Stateless.
 */
public final class RequestHeaders {
  private static final Set<String> CLIENT_OWNED = Set.of("host", "content-length",
      "transfer-encoding", "connection", "keep-alive", "proxy-connection", "te", "trailer",
      "upgrade", "expect");
  private static final Set<String> SAFE_ACROSS_ORIGINS = Set.of("accept", "accept-language",
      "user-agent", "content-type", "content-language");

  private RequestHeaders() {}

  /** Whether a caller may set header {@code name}; {@code hasBody} drops Content-Type (the call's own wins). */
  public static boolean sent(String name, boolean hasBody) {
    String lower = name.toLowerCase(Locale.ROOT);
    return !CLIENT_OWNED.contains(lower) && !(hasBody && lower.equals("content-type"));
  }

  /** The headers that may follow a redirect to another origin. */
  public static List<Header> acrossOrigins(List<Header> headers) {
    List<Header> kept = new ArrayList<>(headers.size());
    for (Header header : headers) {
      if (SAFE_ACROSS_ORIGINS.contains(header.name().toLowerCase(Locale.ROOT))) {
        kept.add(header);
      }
    }
    return kept;
  }
}
