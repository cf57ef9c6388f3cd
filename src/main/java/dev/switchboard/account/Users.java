package dev.switchboard.account;

import dev.switchboard.account.internal.UserRows;
import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.store.Ids;
import dev.switchboard.store.UniqueViolation;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Creating users, checking passwords and changing them. Thread safe. */
public final class Users {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
  private final UserRows rows;
  private final Passwords passwords;
  private final Clock clock;

  public Users(UserRows rows, Passwords passwords, Clock clock) {
    this.rows = rows;
    this.passwords = passwords;
    this.clock = clock;
  }

  /** Creates a user; the email is stored lower-cased and must be new. */
  public User create(String email, String password, boolean admin, boolean mustChangePassword) {
    String normalized = normalize(email);
    Passwords.checkStrength(password);
    if (rows.byEmail(normalized).isPresent()) {
      throw emailTaken();
    }
    User user = new User(Ids.next("usr"), normalized, admin, mustChangePassword, clock.instant());
    try {
      rows.insert(user, passwords.hash(password));
    } catch (RuntimeException e) {
      // another request created the same email between the check and the insert
      throw UniqueViolation.causedBy(e) ? emailTaken() : e;
    }
    return user;
  }

  private static SwitchboardException emailTaken() {
    return SwitchboardException.conflict("email_taken", "a user with this email exists");
  }

  /**
   * The user with this email and password. An unknown email, a wrong password and a disabled user
   * get the same error after the same bcrypt work, so neither the answer nor its time tells which.
   */
  public User authenticate(String email, String password) {
    Optional<User> user = rows.byEmail(normalize(email));
    String hash = user.flatMap(u -> rows.passwordHash(u.id())).orElse(null);
    if (hash == null || password == null) {
      passwords.spendCheck(password);
      throw AccountException.badLogin();
    }
    if (!passwords.matches(password, hash) || user.get().disabled()) {
      throw AccountException.badLogin();
    }
    return user.get();
  }

  public Optional<User> byEmail(String email) {
    return rows.byEmail(normalize(email));
  }

  public Optional<User> byId(String id) {
    return rows.byId(id);
  }

  public List<User> all() {
    return rows.all();
  }

  public long count() {
    return rows.count();
  }

  /** Sets a new password; {@code mustChange} forces another change at the next sign-in. */
  public void setPassword(String userId, String password, boolean mustChange) {
    Passwords.checkStrength(password);
    if (!rows.setPassword(userId, passwords.hash(password), mustChange)) {
      throw new AccountException(ErrorKind.NOT_FOUND, "not_found", "user not found");
    }
  }

  /** Changes the caller's own password after checking the current one. */
  public void changePassword(String userId, String current, String next) {
    String hash = rows.passwordHash(userId).orElseThrow(AccountException::unauthenticated);
    if (current == null || !passwords.matches(current, hash)) {
      throw new AccountException(ErrorKind.INVALID_REQUEST, "bad_current_password",
          "the current password is wrong");
    }
    setPassword(userId, next, false);
  }

  /** Disables (true) or enables (false) a user; false when there is no such user. */
  boolean setDisabled(String userId, boolean disabled) {
    return rows.setDisabled(userId, disabled ? clock.instant() : null);
  }

  /** Disables a user unless they are the last enabled admin, atomically; false when not done. */
  boolean disableUnlessLastAdmin(String userId) {
    return rows.disableUnlessLastAdmin(userId, clock.instant());
  }

  boolean delete(String userId) {
    return rows.delete(userId);
  }

  /** The lower-cased, trimmed form an email is stored in; refuses what does not look like one. */
  static String normalize(String email) {
    String e = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    if (!EMAIL.matcher(e).matches() || e.length() > 254) {
      throw SwitchboardException.invalid("invalid_email", "email must look like name@example.com");
    }
    return e;
  }
}
