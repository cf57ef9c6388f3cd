package dev.switchboard.mcp.internal;

import dev.switchboard.credential.Credential;

/**
 * A remote MCP provider of a bundle with the credential its tools run with: where the bundle's
 * resources, prompts, completions and log messages come from.
 *
 * @param cacheKey the upstream connection's key ({@code RemoteMcp.cacheKey})
 */
public record ProviderLink(String provider, Credential credential, String cacheKey) {}
