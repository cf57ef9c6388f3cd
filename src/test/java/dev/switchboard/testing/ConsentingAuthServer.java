package dev.switchboard.testing;

import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequestHandler;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * mock-oauth2-server whose consent can grant fewer scopes than asked, as a person who unticks a
 * permission on a provider's consent screen does. Every request is answered by the server's own
 * authorization server; while {@link #grantOnly} holds a value, the answer to an authorization-code
 * token request says so in its {@code scope} (RFC 6749 §5.1: required when it differs from the
 * request). mock-oauth2-server itself always grants what was asked and omits {@code scope}.
 */
public final class ConsentingAuthServer {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final AtomicReference<String> grantOnly = new AtomicReference<>();
  private final OAuth2HttpRequestHandler handler;
  private final MockOAuth2Server server;

  public ConsentingAuthServer() {
    OAuth2Config config = new OAuth2Config();
    handler = new OAuth2HttpRequestHandler(config);
    Route real = handler.getAuthorizationServer();
    Route consenting = new Route() {
      @Override
      public boolean match(OAuth2HttpRequest request) {
        return real.match(request);
      }

      @Override
      public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
        OAuth2HttpResponse answer = real.invoke(request);
        String only = grantOnly.get();
        if (only == null || answer.getStatus() != 200 || !request.getUrl().encodedPath().endsWith("/token")
            || !request.getBody().contains("grant_type=authorization_code")) {
          return answer;
        }
        ObjectNode body = (ObjectNode) JSON.readTree(answer.getBody());
        body.put("scope", only);
        return new OAuth2HttpResponse(answer.getHeaders().newBuilder().removeAll("Content-Length").build(),
            answer.getStatus(), body.toString(), null);
      }
    };
    server = new MockOAuth2Server(config, consenting);
  }

  /** The next authorizations grant only these scopes (space-separated); null grants what is asked. */
  public void grantOnly(String scopes) {
    grantOnly.set(scopes);
  }

  /** The next token answer of {@code issuerId} is shaped by {@code callback} (its subject, claims). */
  public void enqueueCallback(OAuth2TokenCallback callback) {
    handler.enqueueTokenCallback(callback);
  }

  public MockOAuth2Server server() {
    return server;
  }
}
