package dev.switchboard.web.pages;

/** One access token as listed: never the token, only its hint. {@code revoked} is null while live. */
public record TokenRow(String id, String name, String hint, String created, String lastUsed, String revoked) {}
