package dev.switchboard.authserver;

import dev.switchboard.account.Principal;
import dev.switchboard.account.User;
import dev.switchboard.account.Users;
import dev.switchboard.authserver.internal.AddressLimits;
import dev.switchboard.authserver.internal.ClientRows;
import dev.switchboard.authserver.internal.GrantRows;
import dev.switchboard.authserver.internal.GrantTokenRows;
import dev.switchboard.authserver.internal.Hashes;
import dev.switchboard.authserver.internal.MetadataDocuments;
import dev.switchboard.authserver.internal.Names;
import dev.switchboard.authserver.internal.RedirectUris;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.store.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Switchboard as the OAuth 2.1 authorization server of its own MCP endpoints
 * (docs/authorization-server.md): clients (RFC 7591 registration, Client ID Metadata Documents),
 * authorization codes with PKCE S256, access tokens bound to one MCP endpoint (RFC 8707), rotated
 * refresh tokens whose reuse revokes the whole grant, revocation (RFC 7009) and the user's list of
 * connected apps. Tokens are opaque random strings stored as SHA-256 hashes. Thread safe.
 */
public final class AuthorizationServer {
  /** Every access token starts with this. */
  public static final String ACCESS_PREFIX = "sb_oat_";
  static final String REFRESH_PREFIX = "sb_ort_";
  static final String CODE_PREFIX = "sb_oac_";
  static final String CLIENT_PREFIX = "sbc_";
  /** How long an access token lives (the MCP authorization spec asks for short-lived tokens). */
  public static final Duration ACCESS_LIFE = Duration.ofHours(1);
  static final Duration REFRESH_LIFE = Duration.ofDays(30);
  static final Duration CODE_LIFE = Duration.ofMinutes(2);
  /**
   * Registered clients that never got a grant are forgotten after this (a client registers right
   * before sending the user to consent); past {@link #MAX_UNUSED_CLIENTS} the oldest go first.
   */
  static final Duration UNUSED_CLIENT_LIFE = Duration.ofHours(1);
  static final int MAX_UNUSED_CLIENTS = 1_000;
  /**
   * A refresh token presented again within this of its first use is refused without revoking the
   * grant: a client racing itself, not a thief (who comes later).
   */
  static final Duration CONCURRENT_REFRESH = Duration.ofSeconds(2);
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
  private final ClientRows clients;
  private final GrantRows grants;
  private final GrantTokenRows tokens;
  private final MetadataDocuments documents;
  private final AddressLimits limits;
  private final ResourceNames resources;
  private final Users users;
  private final Clock clock;

  public AuthorizationServer(ClientRows clients, GrantRows grants, GrantTokenRows tokens, MetadataDocuments documents,
      AddressLimits limits, ResourceNames resources, Users users, Clock clock) {
    this.clients = clients;
    this.grants = grants;
    this.tokens = tokens;
    this.documents = documents;
    this.limits = limits;
    this.resources = resources;
    this.users = users;
    this.clock = clock;
  }

  /** The clock this server issues by, for the routes' timestamps. */
  public Clock clock() {
    return clock;
  }

  /** The origins this server answers to and the MCP endpoints their URLs name. */
  public ResourceNames resources() {
    return resources;
  }

  /**
   * Registers a public client (RFC 7591 §3.1). Only {@code token_endpoint_auth_method} "none" is
   * issued: clients prove possession with PKCE, and Switchboard keeps no client secret.
   *
   * @param clientAddress the address the request came from, for the rate limit
   */
  public ClientInfo register(String name, List<String> redirectUris, String clientAddress) {
    String problem = RedirectUris.problem(redirectUris);
    if (problem != null) {
      throw OAuthProblem.badRequest("invalid_redirect_uri", problem);
    }
    if (!limits.take(clientAddress)) {
      throw new OAuthProblem(429, "too_many_registrations",
          "too many client registrations from this address; try again later");
    }
    Instant now = clock.instant();
    clients.deleteUnusedBefore(now.minus(UNUSED_CLIENT_LIFE));
    long unused = clients.countUnused();
    if (unused >= MAX_UNUSED_CLIENTS) {
      // a flood of registrations must not lock honest clients out: the oldest unused ones go
      clients.deleteOldestUnused(unused - MAX_UNUSED_CLIENTS + 1);
    }
    ClientInfo client = new ClientInfo(CLIENT_PREFIX + Ids.random(24),
        Names.clean(name, ClientInfo.hostOf(redirectUris.get(0))), redirectUris, false);
    clients.insert(client, now);
    return client;
  }

  /**
   * A client by id: a registered one, or the one a metadata document URL describes (fetched at
   * most so often for {@code address}, the requester).
   */
  public ClientInfo client(String clientId, String address) {
    if (clientId == null || clientId.isEmpty() || clientId.length() > 2048) {
      throw OAuthProblem.badRequest("invalid_client", "client_id is missing or too long");
    }
    if (MetadataDocuments.isDocumentUrl(clientId)) {
      return documents.client(clientId, address);
    }
    return clients.find(clientId).orElseThrow(() -> OAuthProblem.badRequest("invalid_client",
        "the client is not registered here (register it again)"));
  }

  /**
   * Checks an authorization request (OAuth 2.1 §4.1.1, MCP authorization). A problem with the
   * client or the redirect URI is an {@link AuthorizationProblem} that must not redirect; any
   * other is one that redirects back to the client with {@code error}.
   */
  public AuthorizationRequest check(Map<String, String> p, String address) {
    ClientInfo client;
    try {
      client = client(p.get("client_id"), address);
    } catch (OAuthProblem e) {
      throw new AuthorizationProblem(null, null, e.code(), e.getMessage());
    }
    String redirect = p.get("redirect_uri");
    if (redirect == null || !client.allowsRedirect(redirect)) {
      throw new AuthorizationProblem(null, null, "invalid_request",
          "redirect_uri is missing or is not one the client registered");
    }
    String state = p.get("state");
    if (!"code".equals(p.get("response_type"))) {
      throw new AuthorizationProblem(redirect, state, "unsupported_response_type", "response_type must be code");
    }
    String challenge = p.get("code_challenge");
    if (challenge == null || !challenge.matches("[A-Za-z0-9._~-]{43,128}")
        || !"S256".equals(p.get("code_challenge_method"))) {
      throw new AuthorizationProblem(redirect, state, "invalid_request",
          "PKCE is required: send code_challenge with code_challenge_method=S256");
    }
    String resource = p.get("resource");
    Optional<String> path = resources.path(resource);
    if (path.isEmpty()) {
      throw new AuthorizationProblem(redirect, state, "invalid_target",
          "resource must be the URL of one of this server's MCP endpoints (a bundle or the hub)");
    }
    return new AuthorizationRequest(client, redirect, state, challenge, resource, path.get(), p.get("scope"));
  }

  /** The user consented: a grant and a single-use authorization code for it. */
  public String approve(String userId, AuthorizationRequest request) {
    Instant now = clock.instant();
    ConnectedApp app = new ConnectedApp(Ids.next("grant"), request.client().name(), request.client().id(),
        ClientInfo.schemeAndHostOf(request.redirectUri()), request.client().verified(), request.resourcePath(), now,
        Optional.empty(), Optional.empty());
    grants.insert(userId, app);
    if (!request.client().verified()) {
      clients.used(request.client().id(), now);
    }
    String code = CODE_PREFIX + Ids.random(43);
    tokens.insert(Hashes.token(code), app.id(), GrantTokenRows.CODE, request.redirectUri(), request.codeChallenge(),
        now, now.plus(CODE_LIFE));
    return code;
  }

  /**
   * The authorization code grant (OAuth 2.1 §4.1.3): the code once, by the client it was issued
   * to, with the same redirect URI and the PKCE verifier. A code presented twice revokes the grant
   * and every token issued from it (OAuth 2.1 §4.1.3).
   */
  public IssuedTokens exchange(String clientId, String code, String redirectUri, String verifier, String resource) {
    if (code == null || clientId == null) {
      throw OAuthProblem.badRequest("invalid_request", "code and client_id are required");
    }
    String hash = Hashes.token(code);
    GrantTokenRows.Row row = tokens.find(hash, GrantTokenRows.CODE)
        .orElseThrow(() -> invalidGrant("the authorization code is unknown, expired or revoked"));
    Instant now = clock.instant();
    ConnectedApp app = grants.byIdAnyUser(row.grantId());
    if (!app.clientId().equals(clientId)) {
      throw invalidGrant("the authorization code was issued to another client");
    }
    requireEnabledUser(row.grantId());
    if (!row.redirectUri().equals(redirectUri)) {
      throw invalidGrant("redirect_uri differs from the one of the authorization request");
    }
    if (verifier == null || !verifier.matches("[A-Za-z0-9._~-]{43,128}")
        || !same(Hashes.s256(verifier), row.codeChallenge())) {
      throw invalidGrant("the PKCE code_verifier does not match the code_challenge");
    }
    checkResource(resource, app);
    if (row.usedAt().isPresent() || !tokens.spend(hash, now)) {
      grants.revoke(app.id(), now);
      throw invalidGrant("the authorization code was used already; the grant is revoked");
    }
    if (!row.expiresAt().isAfter(now)) {
      throw invalidGrant("the authorization code expired");
    }
    return issue(app.id(), now);
  }

  /**
   * The refresh token grant (OAuth 2.1 §4.3): a refresh token is good once and is replaced by a
   * new one. One presented again means it leaked (OAuth 2.1 §4.3.1): the whole grant is revoked.
   */
  public IssuedTokens refresh(String clientId, String refreshToken, String resource) {
    if (refreshToken == null || clientId == null) {
      throw OAuthProblem.badRequest("invalid_request", "refresh_token and client_id are required");
    }
    String hash = Hashes.token(refreshToken);
    GrantTokenRows.Row row = tokens.find(hash, GrantTokenRows.REFRESH)
        .orElseThrow(() -> invalidGrant("the refresh token is unknown, expired or revoked"));
    Instant now = clock.instant();
    ConnectedApp app = grants.byIdAnyUser(row.grantId());
    if (!app.clientId().equals(clientId)) {
      throw invalidGrant("the refresh token was issued to another client");
    }
    requireEnabledUser(row.grantId());
    checkResource(resource, app);
    boolean justUsed = row.usedAt().map(t -> t.plus(CONCURRENT_REFRESH).isAfter(now)).orElse(false);
    if (justUsed || (row.usedAt().isEmpty() && !tokens.spend(hash, now))) {
      // two requests of the same client racing (two tabs, a retry): refused, but no leak assumed
      throw invalidGrant("the refresh token was just used by another request; use the tokens it got");
    }
    if (row.usedAt().isPresent()) {
      grants.revoke(app.id(), now);
      throw invalidGrant("the refresh token was used already, so it may have leaked; the grant is revoked "
          + "and the user must approve the client again");
    }
    if (!row.expiresAt().isAfter(now)) {
      throw invalidGrant("the refresh token expired");
    }
    return issue(app.id(), now);
  }

  /**
   * RFC 7009: revokes the grant of an access or refresh token (so all its tokens die). An unknown
   * token is not an error (§2.2); a token of another client than {@code clientId}, when given, is
   * left alone (§2.1).
   */
  public void revoke(String token, String clientId) {
    if (token == null || token.length() > 200) {
      return;
    }
    tokens.grantOf(Hashes.token(token))
        .filter(grantId -> clientId == null || grants.byIdAnyUser(grantId).clientId().equals(clientId))
        .ifPresent(grantId -> grants.revoke(grantId, clock.instant()));
  }

  /**
   * Who an access token speaks for, when it is live: unexpired, its grant not revoked, its user not
   * disabled. The caller checks that it is used on {@link TokenHolder#resourcePath()}.
   */
  public Optional<TokenHolder> authenticate(String token) {
    if (token == null || !token.startsWith(ACCESS_PREFIX) || token.length() > 200) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return tokens.liveAccess(Hashes.token(token), now).flatMap(live -> {
      if (live.lastUsedAt().map(t -> t.plus(TOUCH_EVERY).isBefore(now)).orElse(true)) {
        grants.touch(live.grantId(), now);
      }
      return users.byId(live.userId()).filter(u -> !u.disabled())
          .map(u -> new TokenHolder(principal(u), live.grantId(), live.resourcePath()));
    });
  }

  /**
   * Revokes every grant of a user (disabled, deleted, or changed the password revoking tokens):
   * their tokens die and enabling the user again brings none back.
   */
  public void revokeUser(String userId) {
    grants.revokeUser(userId, clock.instant());
  }

  /** Every grant of the user, live first. */
  public List<ConnectedApp> apps(String userId) {
    return grants.byUser(userId);
  }

  /** Revokes one of the user's grants; its tokens stop working at once. Another user's id is "not found". */
  public ConnectedApp revokeApp(String userId, String grantId) {
    ConnectedApp app = grants.byId(userId, grantId).orElseThrow(() -> SwitchboardException.notFound("connected app"));
    grants.revoke(grantId, clock.instant());
    return grants.byId(userId, grantId).orElse(app);
  }

  private IssuedTokens issue(String grantId, Instant now) {
    tokens.deleteExpired(now);
    String access = ACCESS_PREFIX + Ids.random(43);
    String refresh = REFRESH_PREFIX + Ids.random(43);
    tokens.insert(Hashes.token(access), grantId, GrantTokenRows.ACCESS, null, null, now, now.plus(ACCESS_LIFE));
    tokens.insert(Hashes.token(refresh), grantId, GrantTokenRows.REFRESH, null, null, now, now.plus(REFRESH_LIFE));
    return new IssuedTokens(access, ACCESS_LIFE.toSeconds(), refresh, null);
  }

  /** A disabled (or deleted) user's grant issues nothing, even before its revocation lands. */
  private void requireEnabledUser(String grantId) {
    if (grants.userOf(grantId).flatMap(users::byId).filter(u -> !u.disabled()).isEmpty()) {
      throw invalidGrant("the user of this grant is disabled");
    }
  }

  /** RFC 8707 §2.2: a resource on the token request must be the one the grant is for. */
  private void checkResource(String resource, ConnectedApp app) {
    if (resource != null && !resources.path(resource).map(app.resourcePath()::equals).orElse(false)) {
      throw OAuthProblem.badRequest("invalid_target", "resource differs from the one the user approved");
    }
  }

  private static Principal principal(User u) {
    return new Principal(u.id(), u.email(), u.admin(), Principal.Via.ACCESS_TOKEN, "", u.mustChangePassword());
  }

  private static boolean same(String a, String b) {
    return b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  private static OAuthProblem invalidGrant(String message) {
    return OAuthProblem.badRequest("invalid_grant", message);
  }
}
