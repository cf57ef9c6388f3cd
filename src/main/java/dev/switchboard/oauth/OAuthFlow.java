package dev.switchboard.oauth;

import dev.switchboard.bundle.Bundles;
import dev.switchboard.credential.Credential;
import dev.switchboard.credential.CredentialVerifier;
import dev.switchboard.credential.Credentials;
import dev.switchboard.credential.OAuthGrant;
import dev.switchboard.credential.ProfileNames;
import dev.switchboard.credential.TokenStore;
import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.oauth.internal.IdTokens;
import dev.switchboard.oauth.internal.Pkce;
import dev.switchboard.oauth.internal.States;
import dev.switchboard.oauth.internal.TokenAnswer;
import dev.switchboard.oauth.internal.TokenClient;
import dev.switchboard.provider.AuthMethodType;
import dev.switchboard.provider.OAuth2Method;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.store.Ids;
import dev.switchboard.tool.ToolCatalog;
import dev.switchboard.vault.Digests;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Connecting an OAuth provider (DESIGN.md §5): the authorization code flow with PKCE S256 and a
 * single-use {@code state} bound to the user, expiring after 10 minutes, with the exact redirect URI
 * {@code {base_url}/oauth/callback}. Requested scopes are the provider's defaults plus what the
 * tools of the bundles the user owns or enabled need ({@link RequestedScopes}); re-authorizing asks
 * for the union with those already granted. After the code exchange the credential is saved — into
 * the profile being re-authorized, or the user's OAuth profile of that provider with the same name
 * (connecting again updates it rather than adding a second one) — and its validation tool runs.
 */
public final class OAuthFlow {
  private static final Duration STATE_TTL = Duration.ofMinutes(10);
  private final ProviderRegistry providers;
  private final OAuthApps apps;
  private final EndpointResolver endpoints;
  private final States states;
  private final TokenClient tokens;
  private final TokenStore store;
  private final Credentials credentials;
  private final CredentialVerifier verifier;
  private final RequestedScopes requested;
  private final JsonMapper json;
  private final Clock clock;
  private final String redirectUri;

  public OAuthFlow(ProviderRegistry providers, OAuthApps apps, EndpointResolver endpoints, States states,
      TokenClient tokens, TokenStore store, Credentials credentials, CredentialVerifier verifier,
      Bundles bundles, ToolCatalog tools, JsonMapper json, Clock clock, String baseUrl) {
    this.providers = providers;
    this.apps = apps;
    this.endpoints = endpoints;
    this.states = states;
    this.tokens = tokens;
    this.store = store;
    this.credentials = credentials;
    this.verifier = verifier;
    this.requested = new RequestedScopes(bundles, tools);
    this.json = json;
    this.clock = clock;
    this.redirectUri = baseUrl + "/oauth/callback";
  }

  /** The scopes asked for on a user's behalf, and what a grant lacks of them. */
  public RequestedScopes requestedScopes() {
    return requested;
  }

  /** The requested scopes an OAuth credential lacks (its grant is partial when there are any). */
  public Set<String> missingScopes(String userId, Credential credential) {
    return providers.find(credential.provider()).map(p -> requested.missing(userId, p, credential)).orElse(Set.of());
  }

  /** The redirect URI to register with the provider. */
  public String redirectUri() {
    return redirectUri;
  }

  /** The authorization URL to send the user to; {@code credentialId} re-authorizes that credential. */
  public String start(String userId, String providerSlug, Optional<String> credentialId) {
    Provider provider = providers.find(providerSlug).orElseThrow(() -> SwitchboardException.notFound("provider"));
    OAuth2Method method = oauth(provider);
    Set<String> scopes = new TreeSet<>(requested.of(userId, provider));
    if (credentialId.isPresent()) {
      Credential existing = credentials.get(userId, credentialId.get());
      if (!existing.provider().equals(provider.slug()) || existing.authMethod() != AuthMethodType.OAUTH2) {
        throw SwitchboardException.invalid("not_oauth_credential", "that credential is not an OAuth credential of "
            + provider.name());
      }
      scopes.addAll(existing.grantedScopes());
    }
    apps.client(provider.slug(), method);
    Endpoints e = endpoints.resolve(method);
    String state = Ids.random(43);
    String verifierText = Ids.random(64);
    Instant now = clock.instant();
    states.deleteExpired(now);
    states.save(Digests.sha256Hex(state), new States.Pending(userId, provider.slug(), verifierText,
        String.join(" ", scopes), credentialId, now.plus(STATE_TTL)));
    Map<String, String> params = new LinkedHashMap<>();
    params.put("response_type", "code");
    params.put("client_id", apps.find(provider.slug()).orElseThrow().clientId());
    params.put("redirect_uri", redirectUri);
    params.put("scope", String.join(method.scopeSeparator(), scopes));
    params.put("state", state);
    if (method.pkce()) {
      params.put("code_challenge", Pkce.challenge(verifierText));
      params.put("code_challenge_method", "S256");
    }
    params.putAll(method.authorizeParams());
    return e.authorize() + (e.authorize().contains("?") ? "&" : "?") + params.entrySet().stream()
        .map(p -> enc(p.getKey()) + "=" + enc(p.getValue())).collect(Collectors.joining("&"));
  }

  /**
   * Completes the flow from the provider's redirect. A wrong, replayed or expired state, a missing
   * code or a provider error stores nothing. {@code sessionUser}, when the browser is signed in,
   * must be the user who started the flow.
   */
  public Credential callback(String state, String code, String error, String errorDescription,
      Optional<String> sessionUser) {
    if (state == null || state.isBlank()) {
      throw failure("oauth_state_missing", "the authorization answer has no state; start connecting again");
    }
    States.Pending pending = states.take(Digests.sha256Hex(state)).orElseThrow(() -> failure("oauth_state_invalid",
        "this authorization link is unknown or was already used; start connecting again"));
    if (pending.expiresAt().isBefore(clock.instant())) {
      throw failure("oauth_state_expired", "the authorization took longer than 10 minutes; start connecting again");
    }
    if (sessionUser.isPresent() && !sessionUser.get().equals(pending.userId())) {
      throw failure("oauth_state_invalid", "this authorization was started by another user");
    }
    if (error != null && !error.isBlank()) {
      throw failure("oauth_" + error.replaceAll("[^a-z_]", ""), "the provider answered '" + error + "'"
          + (errorDescription == null ? "" : ": " + errorDescription) + "; nothing was saved");
    }
    if (code == null || code.isBlank()) {
      throw failure("oauth_code_missing", "the provider sent no authorization code; nothing was saved");
    }
    Provider provider = providers.require(pending.provider());
    OAuth2Method method = oauth(provider);
    Endpoints e = endpoints.resolve(method);
    TokenAnswer answer = tokens.exchange(e.token(), apps.client(provider.slug(), method), code, redirectUri,
        method.pkce() ? pending.verifier() : null);
    if (!answer.ok()) {
      throw failure("oauth_exchange_failed", "the provider refused the code: " + answer.error() + " ("
          + answer.description() + "); nothing was saved");
    }
    OAuthGrant grant = grant(answer, pending.scopes(), method, e);
    String name = grant.account().orElse(provider.name());
    Optional<String> profile = pending.credentialId().or(() -> ProfileNames.named(
        credentials.ofProvider(pending.userId(), provider.slug()), name)
        .filter(c -> c.authMethod() == AuthMethodType.OAUTH2).map(Credential::id));
    Credential saved = profile.isPresent()
        ? store.replace(pending.userId(), profile.get(), grant)
        : store.create(pending.userId(), provider.slug(), name, grant);
    try {
      return verifier.verify(pending.userId(), saved.id(), Optional.empty(), Optional.empty());
    } catch (SwitchboardException e2) {
      return saved;
    }
  }

  OAuthGrant grant(TokenAnswer answer, String requested, OAuth2Method method, Endpoints e) {
    Map<String, String> secrets = new HashMap<>();
    secrets.put("access_token", answer.accessToken());
    answer.refreshToken().ifPresent(r -> secrets.put("refresh_token", r));
    secrets.put("token_type", answer.tokenType().orElse("Bearer"));
    tokenValues(answer, method, secrets);
    Set<String> scopes = answer.scope().map(s -> split(s, method)).orElseGet(() -> split(requested, method));
    Optional<Instant> expires = answer.expiresIn().map(s -> clock.instant().plusSeconds(s));
    Optional<String> account = answer.idToken().flatMap(t -> IdTokens.account(json, t))
        .or(() -> e.userinfo().flatMap(u -> tokens.getJson(u, answer.accessToken())).flatMap(IdTokens::account));
    return new OAuthGrant(secrets, scopes, expires, account);
  }

  /** The provider's {@code tokenValues} from the answer, kept (and encrypted) with the tokens. */
  static void tokenValues(TokenAnswer answer, OAuth2Method method, Map<String, String> secrets) {
    for (String name : method.tokenValues()) {
      String value = answer.values().get(name);
      if (value != null) {
        secrets.put(name, value);
      }
    }
  }

  static Set<String> split(String scopes, OAuth2Method method) {
    return Arrays.stream(scopes.split("[\\s,]+")).filter(s -> !s.isBlank())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static OAuth2Method oauth(Provider provider) {
    return provider.oauth2().orElseThrow(() ->
        SwitchboardException.invalid("oauth_not_offered", provider.name() + " does not offer OAuth"));
  }

  private static OAuthException failure(String code, String message) {
    return new OAuthException(ErrorKind.INVALID_REQUEST, code, message);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
