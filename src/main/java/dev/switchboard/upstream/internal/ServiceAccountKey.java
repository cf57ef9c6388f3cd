package dev.switchboard.upstream.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service account's JSON key as Google issues it: {@code client_email}, {@code private_key} (an RSA key in
 * PKCS #8 PEM), optional {@code private_key_id} and {@code token_uri} (an http(s) URL). {@link #toString()} names
 * the account only; parse errors never quote the key.
 */
final class ServiceAccountKey {
  final String clientEmail;
  final Optional<String> keyId;
  final Optional<String> tokenUri;
  final PrivateKey privateKey;

  private ServiceAccountKey(String clientEmail, Optional<String> keyId, Optional<String> tokenUri,
      PrivateKey privateKey) {
    this.clientEmail = clientEmail;
    this.keyId = keyId;
    this.tokenUri = tokenUri;
    this.privateKey = privateKey;
  }

  /** @throws GrantRefusedException when the text is not such a key */
  static ServiceAccountKey parse(JsonMapper json, String text) {
    JsonNode key;
    try {
      key = json.readTree(text);
    } catch (JacksonException e) {
      throw refused("the service account key is not JSON");
    }
    String email = key.path("client_email").isString() ? key.path("client_email").asString() : "";
    String pem = key.path("private_key").isString() ? key.path("private_key").asString() : "";
    if (email.isBlank() || pem.isBlank()) {
      throw refused("the service account key needs client_email and private_key");
    }
    Optional<String> tokenUri = text(key, "token_uri");
    if (tokenUri.isPresent() && !httpUrl(tokenUri.get())) {
      throw refused("the service account key's token_uri is not an http(s) URL");
    }
    return new ServiceAccountKey(email, text(key, "private_key_id"), tokenUri, rsa(pem));
  }

  /** An absolute http(s) URL with a host, no user part and no fragment, that {@link URI#create} takes. */
  private static boolean httpUrl(String text) {
    try {
      URI uri = new URI(text);
      return uri.isAbsolute() && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null && !uri.getHost().isEmpty() && uri.getRawUserInfo() == null
          && uri.getRawFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static PrivateKey rsa(String pem) {
    String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
        .replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
          .decode(base64.getBytes(StandardCharsets.US_ASCII))));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw refused("the service account's private_key is not an RSA key in PKCS #8 PEM");
    }
  }

  private static Optional<String> text(JsonNode key, String field) {
    JsonNode value = key.path(field);
    return value.isString() && !value.asString().isBlank() ? Optional.of(value.asString()) : Optional.empty();
  }

  private static GrantRefusedException refused(String message) {
    return new GrantRefusedException(message, 0);
  }

  @Override
  public String toString() {
    return "ServiceAccountKey[" + clientEmail + "]";
  }
}
