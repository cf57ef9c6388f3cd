package dev.switchboard.web.pages;

import java.util.List;

/**
 * One credential on its provider's page. {@code fields} hold masked secrets only.
 *
 * @param message the last validation's message, or null
 * @param reauthorize for OAuth credentials, the endpoint that starts a new authorization; else null
 * @param verified whether it is VERIFIED, so it may be made current
 * @param missingScopes for a partial OAuth grant, the requested scopes not granted; else null
 */
public record CredentialRow(String id, String label, String method, boolean active, Badge verification,
    String message, boolean current, String account, String lastUsed, String lastVerified, String created,
    List<String> fields, String scopes, String reauthorize, boolean verified,
    String missingScopes) {}
