package dev.switchboard.provider;

import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;

/**
 * Base of the provider feature's errors, with a stable machine-readable {@link #code()} that the
 * edge translates (REST error body, JSON-RPC error). Messages never contain secrets.
 */
public abstract class ProviderException extends SwitchboardException {

  protected ProviderException(ErrorKind kind, String code, String message) {
    super(kind, code, message);
  }

  protected ProviderException(ErrorKind kind, String code, String message, Throwable cause) {
    super(kind, code, message, cause);
  }
}
