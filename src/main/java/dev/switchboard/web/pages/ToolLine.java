package dev.switchboard.web.pages;

/**
 * One tool of a bundle with its readiness for the signed-in person.
 *
 * @param reason null when available, else Unverified, Error, Expired, Scope mismatch, …
 * @param fix what to do, or null
 * @param link the dashboard page where the fix is made
 */
public record ToolLine(String name, String title, String provider, Badge availability, String reason,
    String fix, String link) {}
