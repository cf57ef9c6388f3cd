package dev.switchboard.app;

/** Switchboard cannot start; the message says why and what to do. */
public final class StartupException extends RuntimeException {
  public StartupException(String message) {
    super(message);
  }
}
