package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.Header;
import dev.switchboard.upstream.RemoteMcpException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every page of {@code tools/list} (MCP 2025-11-25, "Pagination"): follows {@code nextCursor} until
 * a page has none, at most {@value #MAX_PAGES} pages, and refuses a cursor seen before (a server
 * that would page forever). Stateless.
 */
public final class ToolPages {
  static final int MAX_PAGES = 100;

  private ToolPages() {}

  /** The tool definitions of all pages, in the server's order. */
  public static List<JsonNode> all(McpConnection connection, URI url, JsonRpc rpc, List<Header> auth,
      Budget budget) {
    List<JsonNode> tools = new ArrayList<>();
    Set<String> cursors = new HashSet<>();
    String cursor = null;
    for (int page = 1; ; page++) {
      ObjectNode params = rpc.object();
      if (cursor != null) {
        params.put("cursor", cursor);
      }
      JsonNode result = connection.request("tools/list", params, auth, budget);
      JsonNode listed = result.path("tools");
      if (!listed.isArray()) {
        throw RemoteMcpException.protocol("the MCP server at " + Failures.target(url)
            + " answered tools/list without a tools array");
      }
      listed.forEach(tools::add);
      JsonNode next = result.path("nextCursor");
      if (!next.isString() || next.asString().isEmpty()) {
        return tools;
      }
      cursor = next.asString();
      if (!cursors.add(cursor) || page == MAX_PAGES) {
        throw RemoteMcpException.protocol("the MCP server at " + Failures.target(url) + " kept paging its"
            + " tool list (" + page + " pages" + (page == MAX_PAGES ? "" : ", a cursor repeated") + ")");
      }
    }
  }
}
