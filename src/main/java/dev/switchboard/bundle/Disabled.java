package dev.switchboard.bundle;

import java.util.Optional;

/**
 * What disabling a bundle left behind: the bundle when the caller can still see it, or only its
 * slug when its owner archived it or took it back to draft (the caller may no longer see it).
 */
public record Disabled(String slug, Optional<Bundle> bundle) {}
