package dev.switchboard.credential.internal;

import dev.switchboard.credential.Verification;

/** One ACTIVE credential's provider, verification, and whether it is its provider's current one. */
public record ProviderVerification(String provider, Verification verification, boolean current) {}
