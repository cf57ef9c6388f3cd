package dev.switchboard.upstream.internal;

import dev.switchboard.error.SwitchboardException;
import dev.switchboard.provider.AuthMethod;
import dev.switchboard.provider.AuthMethodType;
import dev.switchboard.upstream.aws.SigV4Signer;
import dev.switchboard.vault.SecretFields;
import dev.switchboard.upstream.OutboundHttp;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Picks the strategy for a credential's auth method; NONE adds nothing. The grants the gateway makes itself
 * (client credentials, JWT bearer) share one token cache with a {@value #MARGIN_SECONDS} s expiry margin.
 */
public final class AuthInjections {
  static final long MARGIN_SECONDS = 60;
  private final Map<AuthMethodType, AuthInjection> byType = new EnumMap<>(AuthMethodType.class);
  /** The grants' token cache; null with the stateless strategies only. */
  private final GrantedTokens tokens;

  /** The stateless strategies only (remote MCP servers): a grant the gateway makes itself is refused. */
  public AuthInjections() {
    this(Clock.systemUTC());
  }

  /** @param clock the time AWS signatures are dated with */
  public AuthInjections(Clock clock) {
    this(clock, null);
  }

  private AuthInjections(Clock clock, GrantedTokens tokens) {
    this.tokens = tokens;
    byType.put(AuthMethodType.API_KEY, new ApiKeyInjection());
    byType.put(AuthMethodType.BEARER, new BearerInjection("token"));
    byType.put(AuthMethodType.OAUTH2, new BearerInjection("access_token"));
    byType.put(AuthMethodType.NONE, (method, secrets, request) -> { });
    byType.put(AuthMethodType.AWS_SIGV4, new AwsSigV4Injection(new SigV4Signer(clock)));
  }

  /** Every strategy, the grants sending their token requests through {@code http}. */
  public AuthInjections(OutboundHttp http, JsonMapper json, Clock clock) {
    this(clock, new GrantedTokens(clock, Duration.ofSeconds(MARGIN_SECONDS)));
    TokenEndpoint endpoint = new TokenEndpoint(http, json, clock);
    byType.put(AuthMethodType.CLIENT_CREDENTIALS, new ClientCredentialsInjection(endpoint, tokens));
    byType.put(AuthMethodType.JWT_GRANT, new JwtGrantInjection(endpoint, tokens, json, clock));
  }

  /**
   * After the upstream answered 401 to {@code request}: forgets the cached grant token it carried, so that the
   * next {@link #apply} gets a fresh one. False when the request carried no grant token (nothing to retry with).
   */
  boolean forgetGrant(OutgoingRequest request) {
    if (tokens == null || request.grantKey == null) {
      return false;
    }
    tokens.forget(request.grantKey, request.grantToken);
    return true;
  }

  public void apply(AuthMethod method, SecretFields secrets, OutgoingRequest request) {
    AuthInjection injection = byType.get(method.type());
    if (injection == null) {
      throw SwitchboardException.invalid("auth_method_not_supported", method.type()
          + " is not supported for remote MCP servers");
    }
    injection.apply(method, secrets, request);
  }
}
