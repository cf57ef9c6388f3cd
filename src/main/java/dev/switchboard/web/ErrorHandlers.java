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
import tools.jackson.databind.json.JsonMapper;

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
    // Javalin answers its own HttpResponseExceptions (a route not found) unless a handler names that class
    routes.exception(HttpResponseException.class, (e, ctx) -> refuse(ctx, json, e));
    routes.exception(Exception.class, (e, ctx) -> refuse(ctx, json, e));
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

  private static void refuse(Context ctx, Json json, Exception e) {
    Refusal refusal = refusal(e, ctx.method() + " " + ctx.path());
    if (refusal.retryAfter() != null) {
      ctx.header("Retry-After", refusal.retryAfter());
    }
    answer(ctx, json, refusal.status(), refusal.body());
  }

  /** What an error is answered with; {@code retryAfter} null when the client should not just retry. */
  record Refusal(int status, ErrorBody body, String retryAfter) {}

  /**
   * The answer to {@code e}, thrown while serving {@code request} (method and path, for the log): a
   * {@link SwitchboardException} keeps its code and message, anything unexpected is logged and
   * becomes a generic 500.
   */
  static Refusal refusal(Exception e, String request) {
    if (e instanceof FieldErrors f) {
      return new Refusal(f.kind().httpStatus(), ErrorBody.of(f.code(), f.getMessage(), f.fields()), null);
    }
    if (e instanceof TooManyAttempts t) {
      return new Refusal(t.kind().httpStatus(), ErrorBody.of(t.code(), t.getMessage()),
          Long.toString(t.retryAfter().toSeconds()));
    }
    if (e instanceof SwitchboardException s) {
      // TOO_MANY_REQUESTS is a limit on what is in flight: one may end any moment
      return new Refusal(s.kind().httpStatus(), ErrorBody.of(s.code(), s.getMessage()),
          s.kind() == ErrorKind.TOO_MANY_REQUESTS ? "1" : null);
    }
    if (e instanceof HttpResponseException h) {
      return new Refusal(h.getStatus(), ErrorBody.of(codeFor(h.getStatus()), messageFor(h.getStatus())), null);
    }
    LOG.error("unhandled error on {}", request, e);
    return new Refusal(500, ErrorBody.of("internal_error",
        "something went wrong on our side; the request id is in the X-Request-Id header"), null);
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
    answerRpc(WebCall.of(ctx), json.mapper(), status, body);
  }

  /**
   * {@code body} as a JSON-RPC error (MCP clients cannot read the REST shape), with the headers of
   * {@link Json#noStore}.
   */
  static void answerRpc(WebCall call, JsonMapper mapper, int status, ErrorBody body) {
    Json.noStore(call);
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", status >= 500 ? -32603 : -32600);
    error.put("message", body.error().message());
    error.put("data", Map.of("code", body.error().code()));
    Map<String, Object> rpc = new LinkedHashMap<>();
    rpc.put("jsonrpc", "2.0");
    rpc.put("id", null);
    rpc.put("error", error);
    call.answer(status, "application/json", mapper.writeValueAsBytes(rpc));
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
