package dev.switchboard.web;

import dev.switchboard.account.TooManyAttempts;
import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.FieldErrors;
import dev.switchboard.error.SwitchboardException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates errors at the edge into {@code {"error": {"code", "message"}}}. A {@link
 * SwitchboardException} keeps its code and message; anything else is logged with its stack trace
 * and answered with a generic 500 that carries no internal detail. Under {@code /mcp/} the same
 * errors are answered as JSON-RPC errors ({@code -32600} for the request, {@code -32603} for us),
 * since MCP clients cannot read the REST shape.
 */
final class ErrorHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);

  private ErrorHandlers() {}

  static void install(RoutesConfig routes, Json json) {
    routes.exception(FieldErrors.class, (e, ctx) ->
        answer(ctx, json, e.kind().httpStatus(), ErrorBody.of(e.code(), e.getMessage(), e.fields())));
    routes.exception(TooManyAttempts.class, (e, ctx) -> {
      ctx.header("Retry-After", Long.toString(e.retryAfter().toSeconds()));
      answer(ctx, json, e.kind().httpStatus(), ErrorBody.of(e.code(), e.getMessage()));
    });
    routes.exception(SwitchboardException.class, (e, ctx) -> {
      if (e.kind() == ErrorKind.TOO_MANY_REQUESTS) {
        ctx.header("Retry-After", "1"); // a limit on what is in flight: one may end any moment
      }
      answer(ctx, json, e.kind().httpStatus(), ErrorBody.of(e.code(), e.getMessage()));
    });
    routes.exception(HttpResponseException.class, (e, ctx) ->
        answer(ctx, json, e.getStatus(), ErrorBody.of(codeFor(e.getStatus()), messageFor(e.getStatus()))));
    routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
      answer(ctx, json, 500, ErrorBody.of("internal_error",
          "something went wrong on our side; the request id is in the X-Request-Id header"));
    });
    routes.error(404, ctx -> {
      if (isMcp(ctx) && (ctx.result() == null || ctx.result().isEmpty())) {
        answer(ctx, json, 404, ErrorBody.of("not_found", "no such MCP endpoint: " + ctx.path()));
        return;
      }
      // a dashboard page answers its own 404 in HTML (dev.switchboard.web.pages)
      if (ctx.result() == null || ctx.result().isEmpty() || !isJson(ctx.res().getContentType())
          && !isHtml(ctx.res().getContentType())) {
        json.write(ctx, 404, ErrorBody.of("not_found", "no such route: " + ctx.method() + " " + ctx.path()));
      }
    });
    routes.error(405, ctx -> answer(ctx, json, 405,
        ErrorBody.of("method_not_allowed", ctx.method() + " is not allowed on " + ctx.path())));
  }

  private static boolean isMcp(Context ctx) {
    return ctx.path().startsWith("/mcp/");
  }

  /** The REST error shape, or under {@code /mcp/} the same error as a JSON-RPC error. */
  private static void answer(Context ctx, Json json, int status, ErrorBody body) {
    if (!isMcp(ctx)) {
      json.write(ctx, status, body);
      return;
    }
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", status >= 500 ? -32603 : -32600);
    error.put("message", body.error().message());
    error.put("data", Map.of("code", body.error().code()));
    Map<String, Object> rpc = new LinkedHashMap<>();
    rpc.put("jsonrpc", "2.0");
    rpc.put("id", null);
    rpc.put("error", error);
    json.write(ctx, status, rpc);
  }

  private static boolean isJson(String contentType) {
    return contentType != null && contentType.startsWith("application/json");
  }

  private static boolean isHtml(String contentType) {
    return contentType != null && contentType.startsWith("text/html");
  }

  private static String codeFor(int status) {
    return switch (status) {
      case 413 -> "body_too_large";
      case 400 -> "bad_request";
      case 401 -> "unauthenticated";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      default -> "http_" + status;
    };
  }

  private static String messageFor(int status) {
    return switch (status) {
      case 413 -> "the body is larger than this server accepts";
      case 400 -> "the request is malformed";
      default -> "the request failed with HTTP " + status;
    };
  }
}
