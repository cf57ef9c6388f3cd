package dev.switchboard.account;

import dev.switchboard.error.SwitchboardException;
import java.util.Optional;

/**
 * What changes a whole account at once: a password change (ending the other sessions, and on
 * request the access tokens) and an administrator disabling, enabling or deleting a user. Disabling
 * and deleting end the user's sessions, tokens and MCP access at once on this instance (the kept
 * token principals are dropped), within a second on the others. Nobody disables or deletes
 * themselves, nor the last enabled admin (checked and changed in one atomic step, so concurrent
 * calls cannot together disable every admin). Thread safe.
 */
public final class Accounts {
  private final Users users;
  private final Sessions sessions;
  private final AccessTokens tokens;
  private final AccountEndHook endHook;
  private final UserEraseHook eraseHook;

  public Accounts(Users users, Sessions sessions, AccessTokens tokens, AccountEndHook endHook,
      UserEraseHook eraseHook) {
    this.users = users;
    this.sessions = sessions;
    this.tokens = tokens;
    this.endHook = endHook;
    this.eraseHook = eraseHook;
  }

  /**
   * Changes the caller's password after checking the current one, ends their other sessions (all
   * of them when {@code keptSessionCookie} is empty, as for a token caller) and, when asked,
   * revokes their access tokens and every OAuth grant (through the end hook).
   */
  public void changePassword(String userId, Optional<String> keptSessionCookie, String current, String next,
      boolean revokeTokens) {
    users.changePassword(userId, current, next);
    sessions.endAllBut(userId, keptSessionCookie.orElse(null));
    if (revokeTokens) {
      tokens.revokeAll(userId);
      endHook.revokeAll(userId);
    } else {
      tokens.forgetKept(); // the kept principals still say "must change the password"
    }
  }

  /**
   * Disables a user: sign-in, sessions, access tokens, OAuth grants and MCP access stop, for good:
   * enabling the user again brings none of them back.
   */
  public User disable(Optional<String> actorId, String userId) {
    User user = changeable(actorId, userId);
    disableKeepingAnAdmin(user.id());
    end(user.id());
    return users.byId(user.id()).orElse(user);
  }

  /** Enables a disabled user again; their sessions and tokens stay ended. */
  public User enable(String userId) {
    if (!users.setDisabled(userId, false)) {
      throw SwitchboardException.notFound("user");
    }
    return users.byId(userId).orElseThrow(() -> SwitchboardException.notFound("user"));
  }

  /**
   * Deletes a user: first disabled and signed out everywhere, then their credentials are erased
   * (with revocation at the provider) by the erase hook, then the row and all it owns.
   */
  public User delete(Optional<String> actorId, String userId) {
    User user = changeable(actorId, userId);
    disableKeepingAnAdmin(user.id());
    end(user.id());
    eraseHook.beforeDelete(user.id());
    users.delete(user.id());
    tokens.forgetKept();
    return user;
  }

  private void end(String userId) {
    sessions.endAll(userId);
    tokens.revokeAll(userId);
    endHook.revokeAll(userId);
  }

  private User changeable(Optional<String> actorId, String userId) {
    User user = users.byId(userId).orElseThrow(() -> SwitchboardException.notFound("user"));
    if (actorId.isPresent() && actorId.get().equals(userId)) {
      throw SwitchboardException.conflict("own_account",
          "you cannot disable or delete your own account; ask another admin");
    }
    return user;
  }

  /**
   * Disables the user unless they are the last enabled admin, in one atomic step: two admins
   * disabling (or deleting) each other at once leave one of them enabled.
   */
  private void disableKeepingAnAdmin(String userId) {
    if (!users.disableUnlessLastAdmin(userId)) {
      users.byId(userId).orElseThrow(() -> SwitchboardException.notFound("user"));
      throw SwitchboardException.conflict("last_admin",
          "this is the last enabled admin; make another user an admin first");
    }
  }
}
