package dev.switchboard.web;

import dev.switchboard.store.Ids;
import io.javalin.config.RoutesConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an id (echoed as {@code X-Request-Id}, put in the logging context as
 * {@code requestId}) and logs one line per request: method, path, status, milliseconds. Never the
 * query string, headers or body, which may hold secrets. On Javalin's routes ({@link #install}) and
 * on {@link McpPostHandler}'s ({@link #begin}, {@link #end}).
 */
final class RequestLog {
  private static final Logger LOG = LoggerFactory.getLogger("switchboard.http");
  private static final String STARTED = "sb.started";

  private RequestLog() {}

  static void install(RoutesConfig routes) {
    routes.before(ctx -> ctx.attribute(STARTED, begin(WebCall.of(ctx))));
    routes.after(ctx -> {
      Long started = ctx.attribute(STARTED);
      end(WebCall.of(ctx), started == null ? System.nanoTime() : started);
    });
  }

  /** Names the request; returns when it started, for {@link #end}. */
  static long begin(WebCall call) {
    String id = Ids.random(16);
    MDC.put("requestId", id);
    call.header("X-Request-Id", id);
    return System.nanoTime();
  }

  /** Logs the request's line once its status is known. */
  static void end(WebCall call, long started) {
    LOG.info("{} {} {} {}ms", call.method(), call.path(), call.status(), (System.nanoTime() - started) / 1_000_000);
    MDC.remove("requestId");
  }
}
