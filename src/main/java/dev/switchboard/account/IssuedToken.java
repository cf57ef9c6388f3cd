package dev.switchboard.account;

/**
 * A newly created access token: the only moment the secret {@code token} exists outside its hash.
 * Show it once and forget it.
 */
public record IssuedToken(AccessToken info, String token) {
  @Override
  public String toString() {
    return "IssuedToken[" + info.id() + "]";
  }
}
