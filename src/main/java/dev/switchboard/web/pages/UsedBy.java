package dev.switchboard.web.pages;

/** A bundle that runs with a credential, and its readiness for the person. */
public record UsedBy(String slug, String name, Badge readiness) {}
