package dev.switchboard.authserver;

import java.time.Instant;
import java.util.Optional;

/**
 * One consent a user gave: a client may reach one MCP endpoint until the grant is revoked.
 *
 * @param resourcePath {@code /mcp/hub} or {@code /mcp/bundle/{slug}}
 * @param verified the client's identity came from its Client ID Metadata Document
 */
public record ConnectedApp(String id, String clientName, String clientId, String redirectHost, boolean verified,
    String resourcePath, Instant createdAt, Optional<Instant> lastUsedAt, Optional<Instant> revokedAt) {}
