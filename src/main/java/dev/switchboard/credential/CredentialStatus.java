package dev.switchboard.credential;

/** Whether a credential may be used at all. A DISABLED credential keeps its secrets. */
public enum CredentialStatus {
  ACTIVE,
  DISABLED
}
