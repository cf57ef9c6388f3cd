package dev.switchboard.credential.internal;

import dev.switchboard.vault.SealedPayload;
import org.jdbi.v3.core.mapper.RowMapper;

/** The encrypted part of one credential row, with the version to update it safely. */
public record SealedRow(String id, String userId, SealedPayload payload, long version) {
  static final RowMapper<SealedRow> MAPPER = (rs, ctx) -> new SealedRow(rs.getString("id"),
      rs.getString("user_id"), new SealedPayload(rs.getString("key_id"), rs.getString("payload")),
      rs.getLong("version"));
}
