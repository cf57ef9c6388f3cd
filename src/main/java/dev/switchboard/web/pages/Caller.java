package dev.switchboard.web.pages;

import dev.switchboard.account.Principal;
import dev.switchboard.account.User;

/**
 * The signed-in person of one page request: who they are, their session's CSRF token, and the
 * flash message left by the previous request (or null).
 */
record Caller(Principal principal, User user, Flash flash) {
  String userId() {
    return principal.userId();
  }

  String csrf() {
    return principal.csrfToken();
  }

  boolean admin() {
    return user.admin();
  }
}
