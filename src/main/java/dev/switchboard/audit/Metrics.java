package dev.switchboard.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Switchboard's metrics, exposed at {@code /metrics} in the Prometheus format: tool calls by
 * provider, kind and outcome with a latency histogram, upstream status codes, OAuth refresh and
 * verification outcomes, vault operations, database pool use. Labels never carry a secret or a
 * user id. Only this class imports Micrometer. Thread safe.
 */
public final class Metrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  // meters of the tool-call path, found by a plain key rather than rebuilt and looked up per call
  private final Map<String, Timer> callTimers = new ConcurrentHashMap<>();
  private final Map<String, Counter> upstreamCounters = new ConcurrentHashMap<>();

  /** One tool call or validation run. */
  public void toolCall(String provider, String kind, String outcome, long nanos, Integer upstreamStatus) {
    callTimers.computeIfAbsent(provider + "\n" + kind + "\n" + outcome, k ->
        Timer.builder("switchboard.tool.calls").description("Tool calls and validation runs through Switchboard")
            .tag("provider", provider).tag("kind", kind).tag("outcome", outcome)
            .publishPercentileHistogram().register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    if (upstreamStatus != null) {
      upstreamCounters.computeIfAbsent(provider + "\n" + upstreamStatus, k ->
          Counter.builder("switchboard.upstream.responses").description("Upstream HTTP answers by status")
              .tag("provider", provider).tag("status", Integer.toString(upstreamStatus)).register(registry))
          .increment();
    }
  }

  /** One OAuth refresh attempt and its result (REFRESHED, ALREADY_FRESH, EXPIRED, RETRY_LATER). */
  public void refresh(String provider, String result) {
    Counter.builder("switchboard.oauth.refreshes").tag("provider", provider).tag("result", result)
        .register(registry).increment();
  }

  /** One verification and the state it led to. */
  public void verification(String provider, String verification) {
    Counter.builder("switchboard.verifications").tag("provider", provider).tag("result", verification)
        .register(registry).increment();
  }

  /** A gauge read on every scrape, e.g. the database pool's active connections. */
  public void gauge(String name, String description, Supplier<Number> value) {
    Gauge.builder(name, value).description(description).register(registry);
  }

  /**
   * A monotonically increasing count read on every scrape, such as vault operations, with one
   * label: {@code name{labelName="labelValue"}}.
   */
  public void counter(String name, String description, String labelName, String labelValue,
      Supplier<Number> value) {
    FunctionCounter.builder(name, value, v -> v.get().doubleValue()).description(description)
        .tag(labelName, labelValue).register(registry);
  }

  /** The text exposition of every metric. */
  public String scrape() {
    return registry.scrape();
  }
}
