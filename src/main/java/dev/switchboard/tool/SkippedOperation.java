package dev.switchboard.tool;

import java.util.Objects;

/**
 * An operation the OpenAPI import did not turn into a tool.
 *
 * @param method upper-case HTTP method, or {@code *} when a whole path item was skipped
 * @param path the path template as written in the document
 * @param reason why, as a stable name
 * @param detail what exactly, for the admin (names parameters, media types or references; never
 *     more than a few hundred characters)
 */
public record SkippedOperation(String method, String path, SkipReason reason, String detail) {

  public SkippedOperation {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
    detail = detail == null ? "" : detail;
  }
}
