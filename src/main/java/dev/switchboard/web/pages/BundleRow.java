package dev.switchboard.web.pages;

/** One bundle in the Bundles list, with its readiness for the signed-in person. */
public record BundleRow(String slug, String name, String description, String publication, String mode,
    int tools, boolean owner, boolean enabled, Badge readiness) {}
