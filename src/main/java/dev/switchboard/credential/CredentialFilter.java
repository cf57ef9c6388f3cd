package dev.switchboard.credential;

import dev.switchboard.store.Cursor;
import java.util.Optional;

/** Optional filters of a credential listing and the position to continue after. */
public record CredentialFilter(
    Optional<String> provider,
    Optional<CredentialStatus> status,
    Optional<Verification> verification,
    Optional<Cursor> after) {}
