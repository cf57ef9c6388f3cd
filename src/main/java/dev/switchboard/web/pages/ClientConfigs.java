package dev.switchboard.web.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Configuration snippets for the MCP clients people use, pointing at one bundle's URL: first the
 * ones that sign in with OAuth (Switchboard is their authorization server, docs/authorization-server.md:
 * no token to paste), then the ones with an access token placeholder (tokens are stored hashed; the
 * person pastes one from Access tokens).
 */
final class ClientConfigs {
  static final String TOKEN = "sb_pat_YOUR_TOKEN";
  private final JsonMapper pretty;

  ClientConfigs(JsonMapper json) {
    this.pretty = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
  }

  List<ClientConfig> of(String slug, String url) {
    String name = "switchboard-" + slug;
    // Claude Desktop's config file starts local (stdio) servers only; mcp-remote bridges to a remote
    // URL with a header. No space after the colon: Windows splits arguments there.
    Map<String, Object> claude = Map.of("mcpServers", Map.of(name, ordered(
        "command", "npx",
        "args", List.of("-y", "mcp-remote", url, "--header", "Authorization:${SWITCHBOARD_AUTH}"),
        "env", Map.of("SWITCHBOARD_AUTH", "Bearer " + TOKEN))));
    Map<String, Object> cursor = Map.of("mcpServers", Map.of(name, ordered(
        "url", url, "headers", Map.of("Authorization", "Bearer " + TOKEN))));
    Map<String, Object> vscode = ordered(
        "inputs", List.of(ordered("type", "promptString", "id", "switchboard-token",
            "description", "Switchboard access token (sb_pat_…)", "password", true)),
        "servers", Map.of(name, ordered("type", "http", "url", url,
            "headers", Map.of("Authorization", "Bearer ${input:switchboard-token}"))));
    Map<String, Object> vscodeOAuth = Map.of("servers", Map.of(name, ordered("type", "http", "url", url)));
    Map<String, Object> cursorOAuth = Map.of("mcpServers", Map.of(name, ordered("url", url)));
    return List.of(
        new ClientConfig("connector", "Claude or ChatGPT connector (sign in)",
            "Claude: Settings → Connectors → Add custom connector; ChatGPT: Settings → Connectors → Create "
                + "(developer mode). Paste this URL, then sign in and approve; the server must be reachable "
                + "from the internet at this address", url),
        new ClientConfig("vscode-oauth", "VS Code (sign in)",
            ".vscode/mcp.json; VS Code opens the browser to sign in and approve", text(vscodeOAuth)),
        new ClientConfig("cursor-oauth", "Cursor (sign in)",
            "~/.cursor/mcp.json; Cursor shows “Needs login”: click it to sign in and approve", text(cursorOAuth)),
        new ClientConfig("claude", "Claude Desktop",
            "Settings → Developer → Edit Config (claude_desktop_config.json); needs Node.js for npx", text(claude)),
        new ClientConfig("cursor", "Cursor", "~/.cursor/mcp.json (or .cursor/mcp.json in a project)", text(cursor)),
        new ClientConfig("vscode", "VS Code", ".vscode/mcp.json in the workspace (asks for the token once)",
            text(vscode)));
  }

  private String text(Object value) {
    return pretty.writeValueAsString(value);
  }

  private static Map<String, Object> ordered(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
