package dev.switchboard.credential.internal;

import dev.switchboard.credential.Verification;

/** One ACTIVE credential's provider and verification, enough to derive connection states. */
public record ProviderVerification(String provider, Verification verification) {}
