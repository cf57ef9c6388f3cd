package dev.switchboard.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * One action on a credential, for its owner's audit trail: who did it ({@code actor}: the user's
 * id, or {@code switchboard} for the gateway's own work such as a background refresh), what
 * ({@code CREATED}, {@code VERIFIED}, {@code VERIFICATION_FAILED}, {@code REFRESHED},
 * {@code EXPIRED}, {@code DISABLED}, {@code ENABLED}, {@code REVOKED}, {@code USED}), and when.
 * Never a secret.
 */
public record AuditEvent(String id, String userId, String actor, String action, String credentialId,
    String provider, Optional<String> detail, Instant at) {}
