package dev.switchboard.credential.internal;

import dev.switchboard.vault.SealedPayload;

/** The encrypted part of one credential row, with the version to update it safely. */
public record SealedRow(String id, String userId, SealedPayload payload, long version) {}
