package dev.switchboard.admin;

import dev.switchboard.admin.internal.ProviderRows;
import dev.switchboard.audit.Notifications;
import dev.switchboard.credential.Credentials;
import dev.switchboard.provider.HealthRequest;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderKind;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.provider.ProviderStatus;
import dev.switchboard.upstream.HttpCall;
import dev.switchboard.upstream.HttpResult;
import dev.switchboard.upstream.OutboundBlockedException;
import dev.switchboard.upstream.OutboundHttp;
import dev.switchboard.upstream.UpstreamUnavailableException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background health check of providers (docs/credentials.md, "Provider health"): each provider
 * with an upstream URL is sent its declared {@link HealthRequest} (its path appended to the API base
 * URL or MCP server URL), or by default a plain GET of that URL, every {@code interval}; any HTTP
 * answer below 500 means it is reachable (a 401 or 404 is an answer). A
 * provider that stays unreachable (no connection, a timeout, a 5xx) for the whole {@code window} is
 * set INACTIVE with the reason, and ACTIVE again when it answers; the users with credentials of it
 * are notified both times. A failing provider is asked less often (the wait doubles, up to a
 * quarter of the window). An administrator's INACTIVE or DEPRECATED is never changed. Thread safe;
 * {@link #run} is called by one background thread.
 */
public final class ProviderHealth {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderHealth.class);
  static final String ACTIVE = ProviderStatus.ACTIVE.name();
  static final String INACTIVE = ProviderStatus.INACTIVE.name();
  private static final byte[] PING = "{\"jsonrpc\":\"2.0\",\"id\":\"switchboard-health\",\"method\":\"ping\"}"
      .getBytes(StandardCharsets.UTF_8);
  private final ProviderRows rows;
  private final ProviderRegistry registry;
  private final ProviderAdmin admin;
  private final OutboundHttp http;
  private final Credentials credentials;
  private final Notifications notifications;
  private final Clock clock;
  private final Duration interval;
  private final Duration window;
  private final Map<String, Instant> nextProbe = new ConcurrentHashMap<>();
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  public ProviderHealth(ProviderRows rows, ProviderRegistry registry, ProviderAdmin admin, OutboundHttp http,
      Credentials credentials, Notifications notifications, Clock clock, Duration interval, Duration window) {
    this.rows = rows;
    this.registry = registry;
    this.admin = admin;
    this.http = http;
    this.credentials = credentials;
    this.notifications = notifications;
    this.clock = clock;
    this.interval = interval;
    this.window = window;
  }

  /** One round: checks every provider that is due. */
  public void run() {
    for (Provider provider : registry.all()) {
      try {
        Optional<URI> url = url(provider);
        Instant now = clock.instant();
        if (url.isPresent() && watched(provider) && !now.isBefore(nextProbe.getOrDefault(provider.slug(), now))) {
          check(provider, url.get());
        }
      } catch (RuntimeException e) {
        LOG.warn("health check of {} failed: {}", provider.slug(), e.getClass().getSimpleName());
      }
    }
  }

  /** ACTIVE providers, and those this check made INACTIVE (an administrator's status is left alone). */
  private boolean watched(Provider provider) {
    if (provider.status() == ProviderStatus.ACTIVE) {
      return true;
    }
    return provider.status() == ProviderStatus.INACTIVE
        && rows.health(provider.slug()).map(h -> h.status().equals(INACTIVE)).orElse(false);
  }

  /** The URL the health request goes to: the upstream URL, with the declared path appended if any. */
  private static Optional<URI> url(Provider provider) {
    String url = provider.kind() == ProviderKind.MCP ? provider.mcpUrl() : provider.baseUrl();
    if (url == null || url.contains("{")) {
      return Optional.empty(); // built in, or per credential ({instance_url}): nothing to ask
    }
    if (provider.health() != null) {
      url = (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + provider.health().path();
    }
    try {
      return Optional.of(URI.create(url));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private void check(Provider provider, URI url) {
    Instant now = clock.instant();
    Optional<String> problem = probe(request(provider, url, now.plus(timeout())));
    Optional<ProviderRows.Health> before = rows.health(provider.slug());
    if (problem.isEmpty()) {
      failures.remove(provider.slug());
      nextProbe.put(provider.slug(), now.plus(interval));
      rows.saveHealth(new ProviderRows.Health(provider.slug(), ACTIVE, null, null, now));
      if (before.map(h -> h.status().equals(INACTIVE)).orElse(false)
          && provider.status() == ProviderStatus.INACTIVE) {
        admin.setStatusFromHealth(provider.slug(), ProviderStatus.ACTIVE);
        LOG.info("provider {} answers again: ACTIVE", provider.slug());
        tell(provider, false, null);
      }
      return;
    }
    int failed = failures.merge(provider.slug(), 1, Integer::sum);
    Duration wait = interval.multipliedBy(1L << Math.min(failed - 1, 10));
    Duration cap = window.dividedBy(4).compareTo(interval) > 0 ? window.dividedBy(4) : interval;
    nextProbe.put(provider.slug(), now.plus(wait.compareTo(cap) > 0 ? cap : wait));
    Instant since = before.map(ProviderRows.Health::failingSince).orElse(null);
    since = since == null ? now : since;
    boolean down = !now.isBefore(since.plus(window));
    String reason = "unreachable since " + since + ": " + problem.get();
    boolean wasInactive = before.map(h -> h.status().equals(INACTIVE)).orElse(false);
    rows.saveHealth(new ProviderRows.Health(provider.slug(), down || wasInactive ? INACTIVE : ACTIVE,
        down || wasInactive ? reason : null, since, now));
    if (down && provider.status() == ProviderStatus.ACTIVE) {
      admin.setStatusFromHealth(provider.slug(), ProviderStatus.INACTIVE);
      LOG.warn("provider {} is unreachable for {}: INACTIVE", provider.slug(), window);
      tell(provider, true, reason);
    }
  }

  /**
   * The declared health request; else a GET of an API's base URL, and for an MCP server a JSON-RPC
   * {@code ping} POSTed to its URL: a GET there may open an event stream that never ends (the legacy
   * SSE endpoint, a Streamable server's GET stream), while a POST is answered at once — a result, or
   * 400/401/404/405 without a session, all answers.
   */
  private static HttpCall request(Provider provider, URI url, Instant deadline) {
    HttpCall get = HttpCall.get(url, deadline, 4096);
    if (provider.health() != null) {
      return get.withMethod(provider.health().method());
    }
    if (provider.kind() != ProviderKind.MCP) {
      return get;
    }
    return get.withMethod("POST").withHeader("Accept", "application/json, text/event-stream")
        .withBody(PING, "application/json");
  }

  private Duration timeout() {
    Duration ten = Duration.ofSeconds(10);
    return interval.compareTo(ten) < 0 ? interval : ten;
  }

  /** Empty when the provider answered; else what went wrong, without any part of the URL's path. */
  private Optional<String> probe(HttpCall call) {
    try {
      HttpResult result = http.send(call);
      return result.status() >= 500 ? Optional.of("it answered HTTP " + result.status()) : Optional.empty();
    } catch (UpstreamUnavailableException e) {
      return Optional.of(e.getMessage());
    } catch (OutboundBlockedException e) {
      return Optional.of("the outbound guard refuses its address");
    }
  }

  private void tell(Provider provider, boolean down, String reason) {
    String subject = "health:" + provider.slug();
    for (String userId : credentials.usersOf(provider.slug())) {
      if (down) {
        notifications.raise(userId, "PROVIDER_INACTIVE", provider.name() + " is unreachable",
            provider.name() + " has not answered for " + window.toMinutes() + " minute(s) (" + reason
                + "), so it is INACTIVE: its tools are unavailable. Your credentials are kept.",
            "Nothing to do: Switchboard keeps checking and makes it active again when it answers.",
            "/providers/" + provider.slug(), subject);
      } else if (notifications.resolve(userId, subject) > 0) {
        notifications.raise(userId, "PROVIDER_OPERATIONAL", provider.name() + ": operational again",
            provider.name() + " answers again and is ACTIVE; its tools work again.", "",
            "/providers/" + provider.slug());
      }
    }
  }
}
