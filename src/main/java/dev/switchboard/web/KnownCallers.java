package dev.switchboard.web;

import dev.switchboard.account.AccessTokens;
import dev.switchboard.account.Sessions;
import dev.switchboard.authserver.AuthorizationServer;

/**
 * Whether a request's credential authenticates, from its headers alone, before its body is read:
 * for {@link BodyGuard}, whose cap on bodies without a credential must not be escaped by sending any
 * {@code Authorization} or {@code Cookie} header. A bearer token counts when it is a live access
 * token (personal or OAuth-issued); a session cookie when its session is live. Anything else (a
 * {@code Basic} client secret, an unknown token, another cookie) is no credential here: the route
 * still checks it, after the body. Thread safe.
 */
final class KnownCallers {
  private final AccessTokens tokens;
  private final Sessions sessions;
  private final AuthorizationServer authServer;

  KnownCallers(AccessTokens tokens, Sessions sessions, AuthorizationServer authServer) {
    this.tokens = tokens;
    this.sessions = sessions;
    this.authServer = authServer;
  }

  /** {@code authorization}: the header's value or null; {@code session}: the session cookie's or null. */
  boolean known(String authorization, String session) {
    if (authorization != null) {
      String token = Bearer.token(authorization);
      if (token == null) {
        return false;
      }
      return token.startsWith(AuthorizationServer.ACCESS_PREFIX)
          ? authServer.authenticate(token).isPresent()
          : tokens.authenticate(token).isPresent();
    }
    return session != null && sessions.resolve(session).isPresent();
  }
}
