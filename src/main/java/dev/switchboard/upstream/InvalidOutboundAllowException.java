package dev.switchboard.upstream;

import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;

/**
 * An entry of {@code SWITCHBOARD_OUTBOUND_ALLOW} is malformed. The message names the entry, its
 * position and what is wrong; Switchboard refuses to start rather than guess what was meant.
 */
public final class InvalidOutboundAllowException extends SwitchboardException {
  private static final long serialVersionUID = 1L;

  /** The stable error code. */
  public static final String CODE = "outbound_allow_invalid";

  public InvalidOutboundAllowException(String message) {
    super(ErrorKind.INVALID_REQUEST, CODE, message);
  }
}
