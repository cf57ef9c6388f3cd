package dev.switchboard.provider;

/**
 * How a provider's tools are reached: {@code API} is a REST API (tools from an OpenAPI document or curated),
 * {@code MCP} is a remote MCP server (tools discovered from it). Built-in tool sets keep the kind that
 * describes them best and are marked by {@link Provider#builtin()}.
 */
public enum ProviderKind {
    API,
    MCP
}
