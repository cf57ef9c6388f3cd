package dev.switchboard.upstream.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request being assembled for one tool call: the auth strategies add headers or query
 * parameters to it. Not thread safe; lives for one call.
 */
public final class OutgoingRequest {
  final String method;
  final String url;
  final List<Map.Entry<String, String>> query = new ArrayList<>();
  final List<Map.Entry<String, String>> headers = new ArrayList<>();
  byte[] body;
  String contentType;
  /** The call's deadline, which a token request made for this call honours; null for none. */
  Instant deadline;
  /** The cache key and token of the grant this request is authorised with, when a grant's token was put on it. */
  String grantKey;
  String grantToken;

  OutgoingRequest(String method, String url) {
    this.method = method;
    this.url = url;
  }

  public void header(String name, String value) {
    headers.add(Map.entry(name, value));
  }

  /** Notes that the token put on this request is the cached grant token {@code token} of {@code key}. */
  void granted(String key, String token) {
    grantKey = key;
    grantToken = token;
  }

  public void query(String name, String value) {
    query.add(Map.entry(name, value));
  }

  /** The URL with the query parameters added so far, percent-encoded. */
  String uri() {
    if (query.isEmpty()) {
      return url;
    }
    StringBuilder full = new StringBuilder(url).append(url.contains("?") ? '&' : '?');
    for (int i = 0; i < query.size(); i++) {
      Map.Entry<String, String> q = query.get(i);
      if (i > 0) {
        full.append('&');
      }
      full.append(UrlParts.encode(q.getKey())).append('=').append(UrlParts.encode(q.getValue()));
    }
    return full.toString();
  }
}
