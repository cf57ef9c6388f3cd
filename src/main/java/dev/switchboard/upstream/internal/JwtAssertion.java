package dev.switchboard.upstream.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * An RS256-signed JWT (RFC 7515 compact form, RFC 7518 §3.3 RSASSA-PKCS1-v1_5 with SHA-256) for the RFC 7523
 * §2.1 grant: {@code iss} the service account, {@code scope}, {@code aud} the token endpoint, {@code iat} now and
 * {@code exp} one hour later (Google's maximum). Signed with the JDK's {@code SHA256withRSA}.
 */
final class JwtAssertion {
  static final long LIFETIME_SECONDS = 3600;

  private JwtAssertion() {}

  static String sign(JsonMapper json, PrivateKey key, Optional<String> keyId, String issuer, String scope,
      String audience, Instant now) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", "RS256");
    header.put("typ", "JWT");
    keyId.ifPresent(kid -> header.put("kid", kid));
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", issuer);
    if (!scope.isEmpty()) {
      claims.put("scope", scope);
    }
    claims.put("aud", audience);
    claims.put("iat", now.getEpochSecond());
    claims.put("exp", now.getEpochSecond() + LIFETIME_SECONDS);
    String input = base64(json.writeValueAsBytes(header)) + "." + base64(json.writeValueAsBytes(claims));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + base64(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new GrantRefusedException("the service account key cannot sign: " + e.getClass().getSimpleName(), 0);
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
