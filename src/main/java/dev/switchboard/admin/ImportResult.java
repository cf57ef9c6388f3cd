package dev.switchboard.admin;

import dev.switchboard.provider.Provider;
import dev.switchboard.tool.SkippedOperation;
import java.util.List;

/**
 * What an import produced: the provider, its tool names, the operations skipped with reasons, and
 * what the parser found wrong in the document without stopping the import (at most 20 warnings, each
 * at most 300 characters).
 */
public record ImportResult(Provider provider, List<String> tools, List<SkippedOperation> skipped,
    List<String> warnings) {
  public ImportResult {
    tools = List.copyOf(tools);
    skipped = List.copyOf(skipped);
    warnings = List.copyOf(warnings);
  }
}
