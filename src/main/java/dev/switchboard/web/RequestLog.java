package dev.switchboard.web;

import dev.switchboard.store.Ids;
import io.javalin.config.RoutesConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an id (echoed as {@code X-Request-Id}, put in the logging context as
 * {@code requestId}) and logs one line per request: method, path, status, milliseconds. Never the
 * query string, headers or body, which may hold secrets.
 */
final class RequestLog {
  private static final Logger LOG = LoggerFactory.getLogger("switchboard.http");
  private static final String STARTED = "sb.started";

  private RequestLog() {}

  static void install(RoutesConfig routes) {
    routes.before(ctx -> {
      String id = Ids.random(16);
      MDC.put("requestId", id);
      ctx.attribute(STARTED, System.nanoTime());
      ctx.header("X-Request-Id", id);
    });
    routes.after(ctx -> {
      Long started = ctx.attribute(STARTED);
      long millis = started == null ? 0 : (System.nanoTime() - started) / 1_000_000;
      LOG.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.status().getCode(), millis);
      MDC.remove("requestId");
    });
  }
}
