package dev.switchboard.web.pages;

/**
 * One provider in the Providers list.
 *
 * @param status null when ACTIVE, else "Inactive" or "Deprecated"
 */
public record ProviderCard(String slug, String name, String icon, String description, String kind,
    String auth, Badge state, String status) {}
