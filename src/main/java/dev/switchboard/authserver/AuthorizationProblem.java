package dev.switchboard.authserver;

/**
 * An authorization request refused. With a {@link #redirectUri()} the refusal goes back to the
 * client as {@code error} and {@code error_description} on its redirect URI (OAuth 2.1 §4.1.2.1);
 * without one (unknown client, unregistered redirect URI) it must be shown to the user instead and
 * never redirected.
 */
public final class AuthorizationProblem extends OAuthProblem {
  private final String redirectUri;
  private final String state;

  public AuthorizationProblem(String redirectUri, String state, String error, String description) {
    super(400, error, description);
    this.redirectUri = redirectUri;
    this.state = state;
  }

  /** Where to send the refusal, or null when it must not be redirected. */
  public String redirectUri() {
    return redirectUri;
  }

  public String state() {
    return state;
  }
}
