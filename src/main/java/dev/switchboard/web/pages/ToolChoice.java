package dev.switchboard.web.pages;

/** A tool that can be added to a bundle, with whether the person can use it now. */
public record ToolChoice(String name, String title, String provider, String description, Badge availability) {}
