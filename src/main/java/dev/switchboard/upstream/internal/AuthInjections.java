package dev.switchboard.upstream.internal;

import dev.switchboard.provider.AuthMethod;
import dev.switchboard.provider.AuthMethodType;
import dev.switchboard.upstream.aws.SigV4Signer;
import dev.switchboard.vault.SecretFields;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/** Picks the strategy for a credential's auth method; NONE adds nothing. */
public final class AuthInjections {
  private final Map<AuthMethodType, AuthInjection> byType = new EnumMap<>(AuthMethodType.class);

  public AuthInjections() {
    this(Clock.systemUTC());
  }

  /** @param clock the time AWS signatures are dated with */
  public AuthInjections(Clock clock) {
    byType.put(AuthMethodType.API_KEY, new ApiKeyInjection());
    byType.put(AuthMethodType.BEARER, new BearerInjection("token"));
    byType.put(AuthMethodType.OAUTH2, new BearerInjection("access_token"));
    byType.put(AuthMethodType.NONE, (method, secrets, request) -> { });
    byType.put(AuthMethodType.AWS_SIGV4, new AwsSigV4Injection(new SigV4Signer(clock)));
  }

  public void apply(AuthMethod method, SecretFields secrets, OutgoingRequest request) {
    byType.get(method.type()).apply(method, secrets, request);
  }
}
