package dev.switchboard.connection;

import dev.switchboard.bundle.ReadinessStatus;

/**
 * One connection of a profile: a bundle (owned or enabled by the person) whose tools of the
 * profile's provider run with the profile's credential, and that bundle's readiness for the person.
 */
public record Connection(String bundleSlug, String bundleName, ReadinessStatus readiness) {}
