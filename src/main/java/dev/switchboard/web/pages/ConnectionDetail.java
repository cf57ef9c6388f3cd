package dev.switchboard.web.pages;

import java.util.List;

/**
 * A profile's details (View) or its revoke confirmation: everything but secrets, which appear
 * masked in {@code fields}, and the bundles that lose the connection when it is revoked.
 */
public record ConnectionDetail(ProfileCard card, String method, String status, Badge verification,
    String message, boolean current, String scopes, String created, String lastUsed, String lastVerified,
    List<String> fields) {}
