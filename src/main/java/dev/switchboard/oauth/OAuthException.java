package dev.switchboard.oauth;

import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;

/** An OAuth step failed; the message is shown to people (never with a token in it). */
public final class OAuthException extends SwitchboardException {
  public OAuthException(ErrorKind kind, String code, String message) {
    super(kind, code, message);
  }
}
