package dev.switchboard.account;

/**
 * Runs when a user's sign-ins end as a whole: the user is disabled or deleted, or changed their
 * password asking to revoke their tokens. Ends what other features issued to the user (the OAuth
 * grants of the authorization server), so that nothing comes back when the user is enabled again.
 * The composition root plugs it in; account does not depend on those features.
 */
@FunctionalInterface
public interface AccountEndHook {
  void revokeAll(String userId);

  AccountEndHook NONE = userId -> { };
}
