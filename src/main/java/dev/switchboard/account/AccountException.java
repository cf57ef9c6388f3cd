package dev.switchboard.account;

import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;

/** Errors of sign-in, users and tokens. */
public final class AccountException extends SwitchboardException {
  public AccountException(ErrorKind kind, String code, String message) {
    super(kind, code, message);
  }

  static AccountException badLogin() {
    return new AccountException(ErrorKind.UNAUTHORIZED, "bad_credentials",
        "email or password is wrong");
  }

  static AccountException unauthenticated() {
    return new AccountException(ErrorKind.UNAUTHORIZED, "unauthenticated",
        "sign in, or send an access token as 'Authorization: Bearer sb_pat_…'");
  }
}
