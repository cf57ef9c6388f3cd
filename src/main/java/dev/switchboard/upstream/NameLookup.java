package dev.switchboard.upstream;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Looks a DNS name up. The system resolver in production; tests give fixed answers so that they
 * never query outside names. Implementations are thread safe and may block.
 */
@FunctionalInterface
public interface NameLookup {
  /** Every address of {@code name} (a valid, lower-case DNS name; never an address literal). */
  InetAddress[] lookup(String name) throws UnknownHostException;

  /** The JDK resolver ({@link InetAddress#getAllByName}), with its cache. */
  static NameLookup system() {
    return InetAddress::getAllByName;
  }
}
