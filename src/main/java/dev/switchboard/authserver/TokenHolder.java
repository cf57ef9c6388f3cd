package dev.switchboard.authserver;

import dev.switchboard.account.Principal;

/**
 * Who a live access token speaks for, and the only MCP endpoint it is good for.
 *
 * @param resourcePath {@code /mcp/hub} or {@code /mcp/bundle/{slug}}
 */
public record TokenHolder(Principal principal, String grantId, String resourcePath) {}
