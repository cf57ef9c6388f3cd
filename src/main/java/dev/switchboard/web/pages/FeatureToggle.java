package dev.switchboard.web.pages;

/**
 * One feature of its MCP providers a bundle may offer besides tools, as its page shows it: a
 * checkbox for the owner, a line for others.
 *
 * @param name the form field ({@code resources}, {@code prompts} or {@code logging})
 */
public record FeatureToggle(String name, String label, String help, boolean on) {}
