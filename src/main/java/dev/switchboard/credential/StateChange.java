package dev.switchboard.credential;

import java.util.Optional;

/**
 * What {@link CurrentCredential#apply} changed, to report after the commit.
 *
 * @param after the credential now (its last state when it was deleted)
 * @param takeover what re-applying the current-credential rule did
 */
record StateChange(StateEvent event, Credential after, Optional<Takeover> takeover) { }
