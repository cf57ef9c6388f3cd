package dev.switchboard.upstream.internal;

import dev.switchboard.provider.AuthMethod;
import dev.switchboard.provider.ClientCredentialsMethod;
import dev.switchboard.vault.Digests;
import dev.switchboard.vault.SecretFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4): {@code grant_type=client_credentials} with the method's scopes
 * and extra parameters at its token URL (placeholders already filled), the client authenticated as the catalog
 * says; the access token is cached ({@link GrantedTokens}) and sent as {@code Authorization: Bearer …}.
 */
final class ClientCredentialsInjection implements AuthInjection {
  private final TokenEndpoint endpoint;
  private final GrantedTokens tokens;

  ClientCredentialsInjection(TokenEndpoint endpoint, GrantedTokens tokens) {
    this.endpoint = endpoint;
    this.tokens = tokens;
  }

  @Override
  public void apply(AuthMethod method, SecretFields secrets, OutgoingRequest request) {
    ClientCredentialsMethod grant = (ClientCredentialsMethod) method;
    String id = secrets.get(ClientCredentialsMethod.CLIENT_ID).orElse("");
    String secret = secrets.get(ClientCredentialsMethod.CLIENT_SECRET).orElse("");
    String scope = String.join(grant.scopeSeparator(), grant.scopes());
    String key = Digests.sha256Hex(String.join("\n", "client_credentials", grant.tokenUrl(), scope,
        grant.tokenParams().toString(), grant.clientAuthentication().name(), id, secret));
    String token = tokens.token(key, request.deadline, deadline -> {
      Map<String, String> form = new LinkedHashMap<>();
      form.put("grant_type", "client_credentials");
      if (!scope.isEmpty()) {
        form.put("scope", scope);
      }
      form.putAll(grant.tokenParams());
      return endpoint.request(grant.tokenUrl(), new TokenEndpoint.Client(id, secret, grant.clientAuthentication()),
          form, List.of(), deadline);
    });
    request.granted(key, token);
    request.header("Authorization", "Bearer " + token);
  }
}
