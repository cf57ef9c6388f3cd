package dev.switchboard.mcp.internal;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** MCP sessions ended by DELETE, shared by every instance through the database. */
public final class EndedSessions {
  private final Jdbi jdbi;

  public EndedSessions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void end(String hash, Instant at) {
    jdbi.useHandle(h -> h.createUpdate("INSERT INTO mcp_ended_sessions (session_hash, ended_at) "
            + "VALUES (:h, :at) ON CONFLICT (session_hash) DO NOTHING")
        .bind("h", hash).bind("at", at.toEpochMilli()).execute());
  }

  public boolean ended(String hash) {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM mcp_ended_sessions WHERE session_hash = :h")
        .bind("h", hash).mapTo(Integer.class).one()) > 0;
  }
}
