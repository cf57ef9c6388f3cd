package dev.switchboard.web.pages;

import java.util.List;

/**
 * Access tokens. {@code issued} holds a token just created — shown on this one answer only, never
 * again; null otherwise.
 */
public record TokensPage(List<TokenRow> tokens, String issuedName, String issued, String name, String error) {}
