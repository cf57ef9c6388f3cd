package dev.switchboard.tool;

/** Forward the call to a tool of a remote MCP server, by its name there. */
public record McpToolCall(String upstreamName) implements ToolRecipe {}
