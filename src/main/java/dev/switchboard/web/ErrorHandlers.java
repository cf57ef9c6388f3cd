package dev.switchboard.web;

import dev.switchboard.account.TooManyAttempts;
import dev.switchboard.error.FieldErrors;
import dev.switchboard.error.SwitchboardException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates errors at the edge into {@code {"error": {"code", "message"}}}. A {@link
 * SwitchboardException} keeps its code and message; anything else is logged with its stack trace
 * and answered with a generic 500 that carries no internal detail.
 */
final class ErrorHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);

  private ErrorHandlers() {}

  static void install(RoutesConfig routes, Json json) {
    routes.exception(FieldErrors.class, (e, ctx) ->
        json.write(ctx, e.kind().httpStatus(), ErrorBody.of(e.code(), e.getMessage(), e.fields())));
    routes.exception(TooManyAttempts.class, (e, ctx) -> {
      ctx.header("Retry-After", Long.toString(e.retryAfter().toSeconds()));
      json.write(ctx, e.kind().httpStatus(), ErrorBody.of(e.code(), e.getMessage()));
    });
    routes.exception(SwitchboardException.class, (e, ctx) ->
        json.write(ctx, e.kind().httpStatus(), ErrorBody.of(e.code(), e.getMessage())));
    routes.exception(HttpResponseException.class, (e, ctx) ->
        json.write(ctx, e.getStatus(), ErrorBody.of(codeFor(e.getStatus()), messageFor(e.getStatus()))));
    routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
      json.write(ctx, 500, ErrorBody.of("internal_error",
          "something went wrong on our side; the request id is in the X-Request-Id header"));
    });
    routes.error(404, ctx -> {
      // a dashboard page answers its own 404 in HTML (dev.switchboard.web.pages)
      if (ctx.result() == null || ctx.result().isEmpty() || !isJson(ctx.res().getContentType())
          && !isHtml(ctx.res().getContentType())) {
        json.write(ctx, 404, ErrorBody.of("not_found", "no such route: " + ctx.method() + " " + ctx.path()));
      }
    });
    routes.error(405, ctx -> json.write(ctx, 405,
        ErrorBody.of("method_not_allowed", ctx.method() + " is not allowed on " + ctx.path())));
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
