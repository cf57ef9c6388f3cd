package dev.switchboard.provider;

import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;

/**
 * A PostgreSQL credential's connection settings cannot be used: a required field is missing or a
 * value has the wrong form (port outside 1–65535, unknown {@code sslmode}, a host that is not a
 * host name or an IP address). The message names the field and never repeats a value.
 */
public final class InvalidDatabaseSettingsException extends SwitchboardException {
  public InvalidDatabaseSettingsException(String message) {
    super(ErrorKind.INVALID_REQUEST, "invalid_database_settings", message);
  }
}
