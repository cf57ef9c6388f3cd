package dev.switchboard.web;

import dev.switchboard.audit.Metrics;
import dev.switchboard.vault.Digests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * {@code /healthz} (the process answers), {@code /readyz} (database and vault usable) and
 * {@code /metrics} (Prometheus text; no secret, no user id in any label). With a metrics token set
 * ({@code SWITCHBOARD_METRICS_TOKEN}), {@code /metrics} answers only a request that sends it as
 * {@code Authorization: Bearer}, compared in constant time; others get 401.
 */
final class HealthRoutes {
  record Health(String status, Map<String, String> checks) {}

  private final Map<String, BooleanSupplier> checks;
  private final Json json;
  private final Metrics metrics;
  private final Optional<byte[]> metricsToken;

  HealthRoutes(Map<String, BooleanSupplier> checks, Json json, Metrics metrics,
      Optional<String> metricsToken) {
    this.checks = checks;
    this.json = json;
    this.metrics = metrics;
    this.metricsToken = metricsToken.map(HealthRoutes::digest);
  }

  private boolean mayScrape(Context ctx) {
    if (metricsToken.isEmpty()) {
      return true;
    }
    String token = Bearer.token(ctx.header("Authorization"));
    if (token == null) {
      return false;
    }
    // digests of equal length, compared in constant time: neither the content nor the length leaks
    return MessageDigest.isEqual(digest(token), metricsToken.get());
  }

  private static byte[] digest(String token) {
    return Digests.sha256Hex(token).getBytes(StandardCharsets.US_ASCII);
  }

  void register(RoutesConfig routes) {
    routes.get("/healthz", ctx -> json.write(ctx, 200, new Health("ok", Map.of())));
    routes.get("/metrics", ctx -> {
      if (!mayScrape(ctx)) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"switchboard-metrics\"");
        json.write(ctx, 401, ErrorBody.of("unauthenticated",
            "send the metrics token as 'Authorization: Bearer …' (SWITCHBOARD_METRICS_TOKEN)"));
        return;
      }
      ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    });
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
