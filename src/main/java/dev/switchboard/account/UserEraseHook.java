package dev.switchboard.account;

/**
 * Runs before a user's row is deleted, after their sessions and tokens ended: erases what other
 * features keep for the user the way they erase it one by one (credentials with their revocation
 * at the provider). The composition root plugs it in; account does not depend on those features.
 */
@FunctionalInterface
public interface UserEraseHook {
  void beforeDelete(String userId);

  UserEraseHook NONE = userId -> { };
}
