package dev.switchboard.mcp;

import dev.switchboard.account.Principal;

/**
 * One HTTP POST to an MCP endpoint, as the transport hands it over: who is calling, which endpoint,
 * the body, and the MCP headers (null when absent).
 */
public record McpExchange(
    Principal principal,
    McpTarget target,
    byte[] body,
    String protocolVersionHeader,
    String sessionId,
    String methodHeader,
    String nameHeader) {}
