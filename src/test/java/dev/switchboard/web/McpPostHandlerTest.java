package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mcp.McpTarget;
import org.junit.jupiter.api.Test;

class McpPostHandlerTest {
  @Test
  void itServesTheHubAndPlainBundleSlugsWithOrWithoutATrailingSlash() {
    assertThat(McpPostHandler.target("/mcp/hub")).isInstanceOf(McpTarget.Hub.class);
    assertThat(McpPostHandler.target("/mcp/hub/")).isInstanceOf(McpTarget.Hub.class);
    assertThat(McpPostHandler.target("/mcp/bundle/crm-2")).isEqualTo(new McpTarget.Bundle("crm-2"));
    assertThat(McpPostHandler.target("/mcp/bundle/crm-2/")).isEqualTo(new McpTarget.Bundle("crm-2"));
  }

  @Test
  void everyOtherPathGoesOnToJavalin() {
    for (String path : new String[] {"/mcp/bundle/", "/mcp/bundle", "/mcp/bundle/a/b", "/mcp/bundle/a%2Fb",
        "/mcp/bundle/CRM", "/mcp/hub/messages", "/mcp/hub/sse", "/mcp/bundle/crm/messages", "/mcp/hubs",
        "/api/v1/bundles", "/", ""}) {
      assertThat(McpPostHandler.target(path)).as(path).isNull();
    }
    assertThat(McpPostHandler.target(null)).isNull();
  }
}
