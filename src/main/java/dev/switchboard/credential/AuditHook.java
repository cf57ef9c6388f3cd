package dev.switchboard.credential;

import dev.switchboard.audit.AuditTrail;

/**
 * Where the credential classes record what their owners did: the audit trail, with the actor
 * spelled the same way by every class. Thread safe.
 */
final class AuditHook {
  private final AuditTrail trail;

  AuditHook(AuditTrail trail) {
    this.trail = trail;
  }

  /** Records an action on a credential, its owner being the actor. */
  void record(String userId, String action, String credentialId, String provider, String detail) {
    record(userId, userId, action, credentialId, provider, detail);
  }

  /** Records an action Switchboard took by itself (a background refresh, say). */
  void recordBySwitchboard(String userId, String action, String credentialId, String provider, String detail) {
    record(userId, "switchboard", action, credentialId, provider, detail);
  }

  /** Records an action on a user's credential by a named actor. */
  void record(String userId, String actor, String action, String credentialId, String provider,
      String detail) {
    trail.record(userId, actor, action, credentialId, provider, detail);
  }
}
