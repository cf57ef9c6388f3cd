package dev.switchboard.credential;

/**
 * Keeps OAuth access tokens fresh on the path of a call (DESIGN.md §5): refresh when the token
 * expires within the call margin, and once more after an upstream 401. Implemented by the OAuth
 * feature; {@link #NONE} for installations and tests without it.
 */
public interface TokenFreshener {
  /** The credential, refreshed first when its token expires soon; EXPIRED ones come back as they are. */
  Credential ensureFresh(Credential credential);

  /** Forces one refresh after the upstream rejected the token; answers the credential after it. */
  Credential afterRejection(Credential credential);

  TokenFreshener NONE = new TokenFreshener() {
    @Override
    public Credential ensureFresh(Credential credential) {
      return credential;
    }

    @Override
    public Credential afterRejection(Credential credential) {
      return credential;
    }
  };
}
