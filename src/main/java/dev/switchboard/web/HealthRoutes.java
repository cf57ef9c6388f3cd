package dev.switchboard.web;

import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code /healthz} (the process answers), {@code /readyz} (database and vault usable) and
 * {@code /metrics} (Prometheus text; no secret, no user id in any label).
 */
final class HealthRoutes {
  record Health(String status, Map<String, String> checks) {}

  private final Map<String, BooleanSupplier> checks;
  private final Json json;
  private final dev.switchboard.audit.Metrics metrics;

  HealthRoutes(Map<String, BooleanSupplier> checks, Json json, dev.switchboard.audit.Metrics metrics) {
    this.checks = checks;
    this.json = json;
    this.metrics = metrics;
  }

  void register(RoutesConfig routes) {
    routes.get("/healthz", ctx -> json.write(ctx, 200, new Health("ok", Map.of())));
    routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
        .result(metrics.scrape()));
    routes.get("/readyz", ctx -> {
      Map<String, String> results = new LinkedHashMap<>();
      boolean ready = true;
      for (Map.Entry<String, BooleanSupplier> check : checks.entrySet()) {
        boolean ok = check.getValue().getAsBoolean();
        results.put(check.getKey(), ok ? "ok" : "failing");
        ready &= ok;
      }
      json.write(ctx, ready ? 200 : 503, new Health(ready ? "ok" : "unavailable", results));
    });
  }
}
