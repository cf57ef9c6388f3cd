package dev.switchboard.sql.internal;

import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;

/**
 * A tool's arguments do not fit its input schema (the gateway validates them first; this is the
 * tool's own check). The message names the argument. Becomes an {@code INVALID_ARGUMENTS} result.
 */
final class InvalidArgumentsException extends SwitchboardException {
  InvalidArgumentsException(String message) {
    super(ErrorKind.INVALID_REQUEST, "invalid_arguments", message);
  }
}
