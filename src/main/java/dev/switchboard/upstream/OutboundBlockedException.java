package dev.switchboard.upstream;

import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;

/**
 * An outbound destination is refused by the SSRF guard: a private, loopback, link-local, CGNAT,
 * unique-local or multicast address that no administrator allow-listed, or a scheme other than
 * http/https. The message names the host and the rule, and how to allow it.
 */
public final class OutboundBlockedException extends SwitchboardException {
  public OutboundBlockedException(String message) {
    super(ErrorKind.INVALID_REQUEST, "outbound_blocked", message);
  }
}
