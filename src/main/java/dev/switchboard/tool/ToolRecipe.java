package dev.switchboard.tool;

/**
 * How a tool executes: the closed set of upstream kinds (CONVENTIONS.md, "upstreams are a closed
 * set"). {@link HttpOperation} calls a REST operation, {@link McpToolCall} forwards to a remote MCP
 * server, {@link BuiltinCall} runs code shipped inside Switchboard (calculator, PostgreSQL).
 */
public sealed interface ToolRecipe permits HttpOperation, McpToolCall, BuiltinCall {}
