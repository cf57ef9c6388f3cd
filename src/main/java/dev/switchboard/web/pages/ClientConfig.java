package dev.switchboard.web.pages;

/** Ready-made configuration of one MCP client for a bundle: where it goes and the text to paste. */
public record ClientConfig(String id, String client, String where, String text) {}
