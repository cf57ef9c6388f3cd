package dev.switchboard.admin;

import dev.switchboard.provider.Provider;
import dev.switchboard.tool.SkippedOperation;
import java.util.List;

/** What an import produced: the provider, its tool names and the operations skipped with reasons. */
public record ImportResult(Provider provider, List<String> tools, List<SkippedOperation> skipped) {
  public ImportResult {
    tools = List.copyOf(tools);
    skipped = List.copyOf(skipped);
  }
}
