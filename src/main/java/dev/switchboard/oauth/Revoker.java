package dev.switchboard.oauth;

import dev.switchboard.audit.Notifications;
import dev.switchboard.credential.Credential;
import dev.switchboard.credential.CredentialEraseHook;
import dev.switchboard.credential.TokenStore;
import dev.switchboard.oauth.internal.TokenClient;
import dev.switchboard.provider.AuthMethodType;
import dev.switchboard.provider.OAuth2Method;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.vault.SecretFields;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before an OAuth credential is erased, revokes its token at the provider (RFC 7009) when the
 * provider has a revocation endpoint: the refresh token (which revokes the grant), else the access
 * token. A provider that cannot be reached does not stop the erase; the failure is returned and
 * recorded by the caller.
 */
public final class Revoker implements CredentialEraseHook {
  private static final Logger LOG = LoggerFactory.getLogger(Revoker.class);
  private final ProviderRegistry providers;
  private final OAuthApps apps;
  private final EndpointResolver endpoints;
  private final TokenClient tokens;
  private final Notifications notifications;
  private final TokenStore store;

  public Revoker(ProviderRegistry providers, OAuthApps apps, EndpointResolver endpoints, TokenClient tokens,
      Notifications notifications, TokenStore store) {
    this.store = store;
    this.providers = providers;
    this.apps = apps;
    this.endpoints = endpoints;
    this.tokens = tokens;
    this.notifications = notifications;
  }

  @Override
  public Optional<String> beforeErase(Credential c) {
    Optional<String> problem = revoke(c);
    problem.ifPresent(p -> notifications.raise(c.userId(), "TOKEN_NOT_REVOKED",
        "Token not revoked: " + c.provider(), "The credential '" + c.label() + "' was erased, but " + p + ".",
        "Revoke Switchboard's access in your account settings at the provider.", null));
    return problem;
  }

  private Optional<String> revoke(Credential c) {
    if (c.authMethod() != AuthMethodType.OAUTH2) {
      return Optional.empty();
    }
    try {
      OAuth2Method method = providers.require(c.provider()).oauth2().orElseThrow();
      Optional<String> url = endpoints.resolve(method).revoke();
      if (url.isEmpty()) {
        return Optional.empty();
      }
      SecretFields secrets = store.secrets(c.userId(), c.id());
      boolean refresh = secrets.get("refresh_token").isPresent();
      String token = refresh ? secrets.get("refresh_token").get() : secrets.get("access_token").orElse("");
      boolean ok = tokens.revoke(url.get(), apps.client(c.provider(), method), token,
          refresh ? "refresh_token" : "access_token");
      return ok ? Optional.empty() : Optional.of("the provider did not accept the revocation");
    } catch (RuntimeException e) {
      LOG.warn("revoking a token of {} failed: {}", c.provider(), e.getMessage());
      return Optional.of("the provider could not be reached to revoke the token: " + e.getMessage());
    }
  }
}
