package dev.switchboard.authserver;

/** A token response (RFC 6749 §5.1): the access token, its life in seconds and a new refresh token. */
public record IssuedTokens(String accessToken, long expiresIn, String refreshToken, String scope) {
  @Override
  public String toString() {
    return "IssuedTokens[expiresIn=" + expiresIn + "]";
  }
}
