package dev.switchboard.bundle;

import java.time.Instant;
import java.util.List;

/**
 * A named set of tools exposed at one MCP URL ({@code /mcp/bundle/{slug}}), with the features of its
 * remote MCP providers it offers besides tools.
 */
public record Bundle(
    String id,
    String slug,
    String ownerId,
    String name,
    String description,
    String category,
    Publication publication,
    BundleMode mode,
    List<String> tools,
    BundleFeatures features,
    Instant createdAt,
    Instant updatedAt) {

  public Bundle {
    tools = List.copyOf(tools);
  }

  public boolean ownedBy(String userId) {
    return ownerId.equals(userId);
  }
}
