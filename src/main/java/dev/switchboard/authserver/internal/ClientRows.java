package dev.switchboard.authserver.internal;

import dev.switchboard.authserver.ClientInfo;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL of {@code as_clients}: dynamically registered clients (RFC 7591). */
public final class ClientRows {
  private final Jdbi jdbi;

  public ClientRows(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void insert(ClientInfo client, Instant at) {
    jdbi.useHandle(h -> h.createUpdate("INSERT INTO as_clients (id, name, redirect_uris, created_at) "
            + "VALUES (:id, :name, :uris, :at)")
        .bind("id", client.id()).bind("name", client.name())
        .bind("uris", String.join("\n", client.redirectUris())).bind("at", at.toEpochMilli())
        .execute());
  }

  public Optional<ClientInfo> find(String id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT id, name, redirect_uris FROM as_clients WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> new ClientInfo(rs.getString("id"), rs.getString("name"),
            List.copyOf(Arrays.asList(rs.getString("redirect_uris").split("\n"))), false))
        .findOne());
  }

  /** Marks a client as used by a grant: it is kept from then on. */
  public void used(String id, Instant at) {
    jdbi.useHandle(h -> h.createUpdate("UPDATE as_clients SET used_at = :at WHERE id = :id AND used_at IS NULL")
        .bind("at", at.toEpochMilli()).bind("id", id).execute());
  }

  /** Forgets clients registered before {@code before} that never got a grant. */
  public int deleteUnusedBefore(Instant before) {
    return jdbi.withHandle(h -> h.createUpdate("DELETE FROM as_clients WHERE used_at IS NULL AND created_at < :t")
        .bind("t", before.toEpochMilli()).execute());
  }

  /** Forgets the {@code n} oldest clients that never got a grant, to make room for new ones. */
  public int deleteOldestUnused(long n) {
    return jdbi.withHandle(h -> h.createUpdate("DELETE FROM as_clients WHERE id IN (SELECT id FROM as_clients "
            + "WHERE used_at IS NULL ORDER BY created_at, id LIMIT :n)")
        .bind("n", n).execute());
  }

  public long countUnused() {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM as_clients WHERE used_at IS NULL")
        .mapTo(Long.class).one());
  }
}
