package dev.switchboard.web.pages;

/** One line of the Connected apps page; {@code revoked} is null while the grant is live. */
public record ConnectedAppRow(String id, String clientName, String redirectHost, boolean verified, String resource,
    String created, String lastUsed, String revoked) {}
