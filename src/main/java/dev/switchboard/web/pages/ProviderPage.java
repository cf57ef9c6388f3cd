package dev.switchboard.web.pages;

import java.util.List;

/**
 * A provider's page: what it is, its state for the signed-in person, the ways to connect it, their
 * credentials, and the validation form (null while they have no ACTIVE credential).
 *
 * @param statusNote null when the provider is ACTIVE, else what INACTIVE or DEPRECATED means
 * @param oauth the OAuth connect button, or null when the provider offers no OAuth method
 * @param longestCall for a remote MCP provider with its own {@code maxCallSeconds}: how long a call may last
 *     while its server reports progress ("20 min"), else null
 */
public record ProviderPage(String slug, String name, String icon, String description, String category,
    String kind, String docsUrl, Badge state, String status, String statusNote, List<ConnectForm> forms,
    OAuthConnect oauth, List<CredentialRow> credentials, ValidationPanel validation, String longestCall) {}
