package dev.switchboard.oauth;

import dev.switchboard.audit.Metrics;
import dev.switchboard.audit.Notifications;
import dev.switchboard.credential.Credential;
import dev.switchboard.credential.TokenFreshener;
import dev.switchboard.credential.TokenStore;
import dev.switchboard.credential.Verification;
import dev.switchboard.error.ErrorKind;
import dev.switchboard.oauth.internal.TokenAnswer;
import dev.switchboard.oauth.internal.TokenClient;
import dev.switchboard.provider.AuthMethodType;
import dev.switchboard.provider.OAuth2Method;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.vault.SecretFields;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Refreshes OAuth tokens exactly once (DESIGN.md §5): within an instance concurrent callers of one
 * credential share a single refresh; across instances a lease on the credential row lets one
 * through, and the row is re-read after taking it, so a refresh someone else just made is not
 * repeated. A rotated refresh token is stored before anything else. Permanent failures
 * ({@code invalid_grant}, {@code invalid_client}, {@code unauthorized_client}, revoked) make the
 * credential EXPIRED with a notification; transient ones (network, 5xx, 429) count a failure and
 * back off exponentially, leaving the state as it is.
 */
public final class TokenRefresher implements TokenFreshener {
  /** What a refresh did. */
  public enum Result {
    REFRESHED,
    ALREADY_FRESH,
    EXPIRED,
    RETRY_LATER
  }

  /** A result and, for RETRY_LATER after asking the token endpoint, what it answered (no secret). */
  private record Attempt(Result result, String detail) {
    static Attempt of(Result result) {
      return new Attempt(result, null);
    }
  }

  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration CALL_MARGIN = Duration.ofSeconds(60);
  private final Map<String, CompletableFuture<Attempt>> inFlight = new ConcurrentHashMap<>();
  private final TokenStore store;
  private final ProviderRegistry providers;
  private final OAuthApps apps;
  private final EndpointResolver endpoints;
  private final TokenClient tokens;
  private final Notifications notifications;
  private final Clock clock;
  private final Metrics metrics;

  public TokenRefresher(TokenStore store, ProviderRegistry providers, OAuthApps apps, EndpointResolver endpoints,
      TokenClient tokens, Notifications notifications, Clock clock, Metrics metrics) {
    this.metrics = metrics;
    this.store = store;
    this.providers = providers;
    this.apps = apps;
    this.endpoints = endpoints;
    this.tokens = tokens;
    this.notifications = notifications;
    this.clock = clock;
  }

  @Override
  public Credential ensureFresh(Credential c) {
    if (c.verification() == Verification.EXPIRED || !expiresWithin(c, CALL_MARGIN)) {
      return c;
    }
    refresh(c, CALL_MARGIN);
    return store.reread(c.userId(), c.id()).orElse(c);
  }

  @Override
  public Credential afterRejection(Credential c) {
    refresh(c, null);
    return store.reread(c.userId(), c.id()).orElse(c);
  }

  /**
   * Refreshes now unless the token is already fresh: with {@code margin}, "fresh" means it expires
   * after that margin; without one (forced), that someone refreshed since {@code seen} was read.
   * Switchboard is the actor in the audit trail.
   */
  public Result refresh(Credential seen, Duration margin) {
    return attempt(seen, margin, Optional.empty()).result();
  }

  /**
   * A refresh the owner asked for (REST or dashboard "refresh now"), audited with them as actor.
   * When the token endpoint fails for now (network, 5xx, 429) the credential is unchanged (DESIGN.md
   * §5) and this throws {@code token_endpoint_failed} (502) saying what the endpoint answered; a
   * permanent failure makes the credential EXPIRED, which the answer shows.
   */
  public Result refreshNow(Credential seen, String actorUserId) {
    Attempt attempt = attempt(seen, null, Optional.of(actorUserId));
    if (attempt.result() == Result.RETRY_LATER) {
      throw new OAuthException(ErrorKind.UPSTREAM_UNAVAILABLE, "token_endpoint_failed",
          "the token endpoint of " + seen.provider() + " failed"
              + (attempt.detail() == null ? " or another refresh of this credential is still running"
                  : " (" + attempt.detail() + ")")
              + "; the credential is unchanged and Switchboard retries later");
    }
    return attempt.result();
  }

  private Attempt attempt(Credential seen, Duration margin, Optional<String> actor) {
    CompletableFuture<Attempt> mine = new CompletableFuture<>();
    CompletableFuture<Attempt> running = inFlight.putIfAbsent(seen.id(), mine);
    if (running != null) {
      return join(running);
    }
    try {
      Attempt result = leadRefresh(seen, margin, actor);
      metrics.refresh(seen.provider(), result.result().name());
      mine.complete(result);
      return result;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(seen.id(), mine);
    }
  }

  private Attempt leadRefresh(Credential seen, Duration margin, Optional<String> actor) {
    Instant giveUp = clock.instant().plus(LEASE);
    while (!store.lease(seen.id(), clock.instant().plus(LEASE))) {
      if (clock.instant().isAfter(giveUp)) {
        return Attempt.of(Result.RETRY_LATER);
      }
      sleep();
    }
    try {
      Credential now = store.reread(seen.userId(), seen.id()).orElse(null);
      if (now == null || now.verification() == Verification.EXPIRED) {
        return Attempt.of(Result.EXPIRED);
      }
      boolean fresh = margin != null ? !expiresWithin(now, margin)
          : !now.accessExpiresAt().equals(seen.accessExpiresAt());
      if (fresh) {
        return Attempt.of(Result.ALREADY_FRESH);
      }
      return exchange(now, actor);
    } finally {
      store.release(seen.id());
    }
  }

  private Attempt exchange(Credential c, Optional<String> actor) {
    Provider provider = providers.require(c.provider());
    OAuth2Method method = provider.oauth2().orElseThrow();
    SecretFields secrets = store.secrets(c.userId(), c.id());
    Optional<String> refreshToken = secrets.get("refresh_token");
    if (refreshToken.isEmpty()) {
      return Attempt.of(expire(c, provider, "the provider gave no refresh token"));
    }
    TokenAnswer answer;
    try {
      answer = tokens.refresh(endpoints.resolve(method).token(), apps.client(provider.slug(), method),
          refreshToken.get());
    } catch (OAuthException e) {
      answer = TokenAnswer.failed(e.code(), e.getMessage(), true);
    }
    if (answer.ok()) {
      Map<String, String> next = new HashMap<>();
      next.put("access_token", answer.accessToken());
      next.put("refresh_token", answer.refreshToken().orElse(refreshToken.get()));
      next.put("token_type", answer.tokenType().orElse("Bearer"));
      for (String name : method.tokenValues()) {
        secrets.get(name).ifPresent(value -> next.put(name, value));
      }
      OAuthFlow.tokenValues(answer, method, next);
      store.refreshed(c.userId(), c.id(), next,
          answer.scope().map(s -> OAuthFlow.split(s, method)).orElse(Set.of()),
          answer.expiresIn().map(s -> clock.instant().plusSeconds(s)), actor);
      return Attempt.of(Result.REFRESHED);
    }
    if (answer.transientFailure()) {
      long delay = Math.min(3600, 30L << Math.min(7, c.refreshFailures()));
      store.failedForNow(c.id(), clock.instant().plusSeconds(delay));
      return new Attempt(Result.RETRY_LATER, answer.error() + ": " + answer.description());
    }
    return Attempt.of(expire(c, provider, answer.error() + ": " + answer.description()));
  }

  private Result expire(Credential c, Provider provider, String why) {
    store.expired(c.userId(), c.id(), "refresh failed: " + why);
    notifications.raise(c.userId(), "CREDENTIAL_EXPIRED", "Credential expired: " + provider.name(),
        "The credential '" + c.label() + "' of " + provider.name() + " could not be refreshed (" + why
            + "). Its tools are hidden until you re-authorize.",
        "Open " + provider.name() + " and click Re-authorize.", "/providers/" + provider.slug());
    return Result.EXPIRED;
  }

  private boolean expiresWithin(Credential c, Duration margin) {
    return c.accessExpiresAt().map(t -> t.isBefore(clock.instant().plus(margin))).orElse(false);
  }

  private static Attempt join(CompletableFuture<Attempt> running) {
    try {
      return running.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Attempt.of(Result.RETRY_LATER);
    } catch (ExecutionException e) {
      return Attempt.of(Result.RETRY_LATER);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
