package dev.switchboard.upstream;

import java.time.Instant;

/**
 * Who a call runs for and until when: the user, the credential whose secrets it uses (empty for
 * none), and the absolute deadline every upstream step must respect.
 */
public record CallContext(String userId, String credentialId, Instant deadline) {}
