package dev.switchboard.account.internal;

import dev.switchboard.account.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL of the {@code users} table. */
public final class UserRows {
  private static final String COLUMNS = "id, email, admin, must_change_password, created_at, disabled_at";
  private static final RowMapper<User> USER = (rs, ctx) -> new User(
      rs.getString("id"),
      rs.getString("email"),
      rs.getBoolean("admin"),
      rs.getBoolean("must_change_password"),
      Instant.ofEpochMilli(rs.getLong("created_at")),
      rs.getObject("disabled_at") != null);

  private final Jdbi jdbi;

  public UserRows(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void insert(User user, String passwordHash) {
    jdbi.useHandle(h -> h.createUpdate("INSERT INTO users (id, email, password_hash, admin, "
            + "must_change_password, created_at) VALUES (:id, :email, :hash, :admin, :must, :at)")
        .bind("id", user.id())
        .bind("email", user.email())
        .bind("hash", passwordHash)
        .bind("admin", user.admin())
        .bind("must", user.mustChangePassword())
        .bind("at", user.createdAt().toEpochMilli())
        .execute());
  }

  public Optional<User> byEmail(String email) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users WHERE email = :e")
        .bind("e", email).map(USER).findOne());
  }

  public Optional<User> byId(String id) {
    return jdbi.withHandle(h -> byId(h, id));
  }

  public static Optional<User> byId(Handle h, String id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
        .bind("id", id).map(USER).findOne();
  }

  public Optional<String> passwordHash(String userId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM users WHERE id = :id")
        .bind("id", userId).mapTo(String.class).findOne());
  }

  public List<User> all() {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM users ORDER BY email")
        .map(USER).list());
  }

  public long count() {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one());
  }

  public boolean setPassword(String userId, String hash, boolean mustChange) {
    return jdbi.withHandle(h -> h.createUpdate(
            "UPDATE users SET password_hash = :hash, must_change_password = :must WHERE id = :id")
        .bind("hash", hash).bind("must", mustChange).bind("id", userId).execute()) == 1;
  }

  /** Disables ({@code at} given) or enables (null) a user; false when there is no such user. */
  public boolean setDisabled(String userId, Instant at) {
    return jdbi.withHandle(h -> h.createUpdate("UPDATE users SET disabled_at = :at WHERE id = :id")
        .bind("at", at == null ? null : at.toEpochMilli()).bind("id", userId).execute()) == 1;
  }

  /**
   * Disables a user unless that leaves no enabled administrator, as one atomic step: false when the
   * user does not exist or is the last enabled admin (nothing changed then). Two admins disabling
   * each other at once cannot both succeed: on PostgreSQL the first statement locks the rows of the
   * enabled admins, so the second transaction waits for the first and then counts what it
   * committed (READ COMMITTED takes a new snapshot per statement); SQLite transactions begin
   * IMMEDIATE and run one after the other anyway.
   */
  public boolean disableUnlessLastAdmin(String userId, Instant at) {
    return jdbi.inTransaction(h -> {
      h.createUpdate("UPDATE users SET admin = admin WHERE admin = :admin AND disabled_at IS NULL")
          .bind("admin", true).execute();
      return h.createUpdate("UPDATE users SET disabled_at = :at WHERE id = :id AND (admin = :notAdmin "
              + "OR disabled_at IS NOT NULL OR (SELECT COUNT(*) FROM users others WHERE others.admin = :admin "
              + "AND others.disabled_at IS NULL AND others.id <> :id) > 0)")
          .bind("at", at.toEpochMilli()).bind("id", userId).bind("admin", true).bind("notAdmin", false)
          .execute() == 1;
    });
  }

  /** Deletes a user; their sessions, tokens, credentials and the rest go with them (ON DELETE CASCADE). */
  public boolean delete(String userId) {
    return jdbi.withHandle(h -> h.createUpdate("DELETE FROM users WHERE id = :id")
        .bind("id", userId).execute()) == 1;
  }

  /** How many enabled administrators there are. */
  public long enabledAdmins() {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM users WHERE admin = :admin AND disabled_at IS NULL")
        .bind("admin", true).mapTo(Long.class).one());
  }
}
