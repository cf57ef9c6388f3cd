package dev.switchboard.web.pages;

import java.util.List;

/** One profile (credential) on Connections & Profiles, with the bundles that use it. */
public record ProfileCard(String id, String label, String provider, String providerName, String icon,
    List<ConnectionRow> rows, List<UsedBy> bundles) {}
