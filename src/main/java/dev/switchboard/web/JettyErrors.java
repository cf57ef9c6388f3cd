package dev.switchboard.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty writes itself, before any route runs (a malformed request line, a URI or headers
 * too large, bad HTTP), in the API's one error shape {@code {"error": {"code", "message"}}} instead
 * of Jetty's HTML page. The message is fixed per status and never echoes the request. Stateless.
 */
final class JettyErrors extends ErrorHandler {
  @Override
  protected void generateResponse(Request request, Response response, int code, String message,
      Throwable cause, Callback callback) throws IOException {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.write(true, ByteBuffer.wrap(body(code)), callback);
  }

  static byte[] body(int status) {
    String code = switch (status) {
      case 400 -> "bad_request";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "body_too_large";
      case 414 -> "uri_too_long";
      case 431 -> "headers_too_large";
      case 500 -> "internal_error";
      case 505 -> "http_version_not_supported";
      default -> "http_" + status;
    };
    String message = switch (status) {
      case 400 -> "the request is not valid HTTP";
      case 413 -> "the body is larger than this server accepts";
      case 414 -> "the URI is longer than this server accepts";
      case 431 -> "the request headers are larger than this server accepts";
      case 500 -> "something went wrong on our side";
      default -> "the request failed with HTTP " + status;
    };
    return ("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
