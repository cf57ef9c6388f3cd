package dev.switchboard.web.pages;

/**
 * One connection of a profile card (seed "Connections & Profiles"): the bundle it serves (null when
 * no bundle uses the profile) with its readiness, the service and auth type, the account (the OAuth
 * account, else "Configured"), and the status Active, Inactive, Error or Unverified.
 */
public record ConnectionRow(String bundleSlug, String bundleName, Badge readiness, String service, String account,
    Badge status) {}
