package dev.switchboard.web.pages;

/** One OAuth provider on the Admin page: its client id (empty when not set) and whether a secret is stored. */
public record OAuthAppRow(String slug, String name, String clientId, boolean hasSecret) {}
