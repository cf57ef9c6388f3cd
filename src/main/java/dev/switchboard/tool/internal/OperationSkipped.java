package dev.switchboard.tool.internal;

import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.tool.SkipReason;

/**
 * Thrown while one operation is imported when it cannot become a tool; the import catches it and
 * reports the operation as skipped. Never leaves the import.
 */
public final class OperationSkipped extends SwitchboardException {
  private final SkipReason reason;

  public OperationSkipped(SkipReason reason, String detail) {
    super(ErrorKind.INVALID_REQUEST, "openapi_operation_skipped", detail);
    this.reason = reason;
  }

  public SkipReason reason() {
    return reason;
  }
}
