package dev.switchboard.web.pages;

/**
 * The "Connect with OAuth" button: it asks {@code startUrl} for the provider's authorization URL
 * and opens it in a popup (or the whole window when popups are blocked).
 */
public record OAuthConnect(String startUrl, String scopes) {}
