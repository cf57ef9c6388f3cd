package dev.switchboard.account;

/**
 * Who is calling: the signed-in user of a request, however they authenticated. Every query of a
 * user-owned row is scoped to {@link #userId()}.
 *
 * @param csrfToken the session's CSRF token; empty for access-token callers, who need none
 * @param mustChangePassword the user must change their password before anything else
 */
public record Principal(String userId, String email, boolean admin, Via via, String csrfToken,
    boolean mustChangePassword) {
  /** How the caller authenticated. */
  public enum Via {
    SESSION,
    ACCESS_TOKEN
  }

  /** A caller who need not change their password first. */
  public Principal(String userId, String email, boolean admin, Via via, String csrfToken) {
    this(userId, email, admin, via, csrfToken, false);
  }

  static Principal of(User user, Via via, String csrfToken) {
    return new Principal(user.id(), user.email(), user.admin(), via, csrfToken, user.mustChangePassword());
  }
}
