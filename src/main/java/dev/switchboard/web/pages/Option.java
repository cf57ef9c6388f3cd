package dev.switchboard.web.pages;

/** One choice of a select element; {@code selected} marks the chosen one. */
public record Option(String value, String label, boolean selected) {}
