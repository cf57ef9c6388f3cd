package dev.switchboard.account;

/**
 * Who is calling: the signed-in user of a request, however they authenticated. Every query of a
 * user-owned row is scoped to {@link #userId()}.
 *
 * @param csrfToken the session's CSRF token; empty for access-token callers, who need none
 */
public record Principal(String userId, String email, boolean admin, Via via, String csrfToken) {
  /** How the caller authenticated. */
  public enum Via {
    SESSION,
    ACCESS_TOKEN
  }
}
