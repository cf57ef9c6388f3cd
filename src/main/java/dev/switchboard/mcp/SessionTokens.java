package dev.switchboard.mcp;

import dev.switchboard.vault.Signer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Signed MCP session ids: {@code base64url(claims).base64url(hmac)}. Any instance that shares the
 * vault keys can check one without a shared session store; ending a session is recorded in the
 * database so that every instance answers 404 for it afterwards.
 */
public final class SessionTokens {
  /** What a session id says: whose it is, for which endpoint, which protocol version, when made. */
  public record Claims(String userId, String endpoint, String version, long issuedAt, String nonce) {}

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private final Signer signer;

  public SessionTokens(Signer signer) {
    this.signer = signer;
  }

  public String issue(Claims claims) {
    byte[] body = String.join("\n", claims.userId(), claims.endpoint(), claims.version(),
        Long.toString(claims.issuedAt()), claims.nonce()).getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(signer.sign(body));
  }

  /** The claims of a genuine session id, or empty for anything forged, altered or malformed. */
  public Optional<Claims> read(String token) {
    if (token == null || token.length() > 512) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    try {
      byte[] body = DECODER.decode(token.substring(0, dot));
      byte[] mac = DECODER.decode(token.substring(dot + 1));
      if (!signer.verify(body, mac)) {
        return Optional.empty();
      }
      String[] parts = new String(body, StandardCharsets.UTF_8).split("\n", -1);
      if (parts.length != 5) {
        return Optional.empty();
      }
      return Optional.of(new Claims(parts[0], parts[1], parts[2], Long.parseLong(parts[3]), parts[4]));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
