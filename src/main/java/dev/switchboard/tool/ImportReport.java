package dev.switchboard.tool;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an OpenAPI import produced. Immutable.
 *
 * @param title the document's {@code info.title}, empty when it has none
 * @param serverUrl the first server URL with its variables set to their defaults (for Swagger 2.0:
 *     scheme, host and base path), empty when the document names none
 * @param tools one tool per imported operation, sorted by path and method
 * @param skipped the operations left out, sorted by path and method
 * @param warnings what the parser found wrong but did not stop the import (at most 20, each cut
 *     to 300 characters)
 * @param auth the auth methods the document declares
 */
public record ImportReport(
    String title,
    Optional<String> serverUrl,
    List<Tool> tools,
    List<SkippedOperation> skipped,
    List<String> warnings,
    DocumentAuth auth) {

  public ImportReport {
    title = title == null ? "" : title;
    Objects.requireNonNull(serverUrl, "serverUrl");
    tools = List.copyOf(tools);
    skipped = List.copyOf(skipped);
    warnings = List.copyOf(warnings);
    auth = auth == null ? DocumentAuth.none() : auth;
  }

  /** A report of a document that declares no auth. */
  public ImportReport(String title, Optional<String> serverUrl, List<Tool> tools, List<SkippedOperation> skipped,
      List<String> warnings) {
    this(title, serverUrl, tools, skipped, warnings, DocumentAuth.none());
  }
}
