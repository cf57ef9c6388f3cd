package dev.switchboard.upstream.internal;

import dev.switchboard.provider.AuthMethod;
import dev.switchboard.provider.JwtGrantMethod;
import dev.switchboard.vault.Digests;
import dev.switchboard.vault.SecretFields;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Service account JWT grant (RFC 7523 §2.1): signs an assertion with the key's private key ({@link JwtAssertion};
 * {@code aud} is the token endpoint), exchanges it with {@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer}
 * at the key's {@code token_uri} (else, or when the installation overrides the auth URL, the method's
 * {@code tokenUrl}), caches the access token
 * ({@link GrantedTokens}) and sends it as {@code Authorization: Bearer …}. The key and the assertion never leave
 * this class except in the token request.
 */
final class JwtGrantInjection implements AuthInjection {
  static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  private final TokenEndpoint endpoint;
  private final GrantedTokens tokens;
  private final JsonMapper json;
  private final Clock clock;

  JwtGrantInjection(TokenEndpoint endpoint, GrantedTokens tokens, JsonMapper json, Clock clock) {
    this.endpoint = endpoint;
    this.tokens = tokens;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public void apply(AuthMethod method, SecretFields secrets, OutgoingRequest request) {
    JwtGrantMethod grant = (JwtGrantMethod) method;
    String keyText = secrets.get(JwtGrantMethod.SERVICE_ACCOUNT).orElse("");
    String scope = String.join(grant.scopeSeparator(), grant.scopes());
    String cacheKey = Digests.sha256Hex(String.join("\n", "jwt_grant", grant.tokenUrl(),
        String.valueOf(grant.ignoreKeyTokenUri()), scope, keyText));
    String token = tokens.token(cacheKey, request.deadline, deadline -> {
      ServiceAccountKey key = ServiceAccountKey.parse(json, keyText);
      String tokenUrl = grant.ignoreKeyTokenUri() ? grant.tokenUrl() : key.tokenUri.orElse(grant.tokenUrl());
      String assertion = JwtAssertion.sign(json, key.privateKey, key.keyId, key.clientEmail, scope, tokenUrl,
          clock.instant());
      Map<String, String> form = new LinkedHashMap<>();
      form.put("grant_type", GRANT_TYPE);
      form.put("assertion", assertion);
      return endpoint.request(tokenUrl, null, form, List.of(assertion), deadline);
    });
    request.granted(cacheKey, token);
    request.header("Authorization", "Bearer " + token);
  }
}
