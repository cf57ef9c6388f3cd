package dev.switchboard.web.pages;

/**
 * One line of a profile card (seed "Connections & Profiles"): the service and auth type, the account
 * (the OAuth account, else "Configured"), and the status Active, Inactive, Error or Unverified.
 */
public record ConnectionRow(String service, String account, Badge status) {}
