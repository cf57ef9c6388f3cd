package dev.switchboard.web.pages;

import java.util.List;

/**
 * One profile (credential) on Connections & Profiles: a row per connection (bundle) using it, the
 * bundles themselves, and, for a partial OAuth grant, the requested scopes it lacks (else null).
 */
public record ProfileCard(String id, String label, String provider, String providerName, String icon,
    List<ConnectionRow> rows, List<UsedBy> bundles, String missingScopes) {}
