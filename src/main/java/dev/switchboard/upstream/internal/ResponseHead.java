package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpField;

/** Status and headers of a response, known before its body. */
record ResponseHead(int status, List<Header> headers) {

  public ResponseHead {
    headers = List.copyOf(headers);
  }

  static ResponseHead of(Response response) {
    List<Header> headers = new ArrayList<>();
    for (HttpField field : response.getHeaders()) {
      headers.add(new Header(field.getName(), field.getValue() == null ? "" : field.getValue()));
    }
    return new ResponseHead(response.getStatus(), headers);
  }

  /** The first value of header {@code name} (case-insensitive). */
  public Optional<String> header(String name) {
    return headers.stream().filter(h -> h.is(name)).map(Header::value).findFirst();
  }

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** Whether the body is a {@code text/event-stream}. */
  public boolean isEventStream() {
    return mediaType().equals("text/event-stream");
  }

  /** Whether the body is JSON ({@code application/json} or a {@code +json} type). */
  public boolean isJson() {
    String type = mediaType();
    return type.equals("application/json") || type.endsWith("+json");
  }

  /** The media type of the body, lower case without parameters; empty when none is given. */
  public String mediaType() {
    return header("Content-Type").map(t -> t.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).orElse("");
  }
}
