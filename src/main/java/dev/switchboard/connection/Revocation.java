package dev.switchboard.connection;

import java.util.List;

/** A revoked profile (now erased) and the bundles that lost the connection, with their readiness now. */
public record Revocation(Profile profile, List<Connection> affected) {

  public Revocation {
    affected = List.copyOf(affected);
  }
}
