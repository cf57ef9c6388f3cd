package dev.switchboard.account;

import dev.switchboard.account.internal.TokenHash;
import dev.switchboard.account.internal.TokenRows;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.store.Ids;
import dev.switchboard.store.ShortLived;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Personal access tokens ({@code sb_pat_…}) that AI clients and scripts send as
 * {@code Authorization: Bearer}. Only a SHA-256 hash is stored; the token is shown once. The
 * last-used time is written at most once a minute per token so that calls do not all write.
 * Who a token names is kept for up to {@value #KEEP_MILLIS} ms, so that a stream of tool calls
 * does not read the token and its user every time; a revocation on this instance takes effect at
 * once, on another instance within that time.
 */
public final class AccessTokens {
  /** Every token starts with this, so that leaked tokens are easy to recognise and scan for. */
  public static final String PREFIX = "sb_pat_";
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
  static final long KEEP_MILLIS = 1_000;
  private final ShortLived<String, Principal> kept = new ShortLived<>(Duration.ofMillis(KEEP_MILLIS), 10_000);
  private final TokenRows rows;
  private final Users users;
  private final Clock clock;

  public AccessTokens(TokenRows rows, Users users, Clock clock) {
    this.rows = rows;
    this.users = users;
    this.clock = clock;
  }

  public IssuedToken issue(String userId, String name) {
    String trimmed = name == null ? "" : name.trim();
    if (trimmed.isEmpty() || trimmed.length() > 100) {
      throw SwitchboardException.invalid("invalid_name", "name must have 1 to 100 characters");
    }
    String token = PREFIX + Ids.random(40);
    AccessToken info = new AccessToken(Ids.next("tok"), trimmed, token.substring(0, PREFIX.length() + 4) + "…",
        clock.instant(), Optional.empty(), Optional.empty());
    rows.insert(userId, info, TokenHash.of(token));
    return new IssuedToken(info, token);
  }

  /** The caller a bearer token names, or empty when it is unknown, revoked or malformed. */
  public Optional<Principal> authenticate(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
      return Optional.empty();
    }
    return Optional.ofNullable(kept.get(TokenHash.of(token), hash -> lookUp(hash).orElse(null)));
  }

  private Optional<Principal> lookUp(String hash) {
    return rows.liveByHash(hash).flatMap(owner -> {
      Instant now = clock.instant();
      if (owner.lastUsedAt().map(t -> t.plus(TOUCH_EVERY).isBefore(now)).orElse(true)) {
        rows.touch(owner.tokenId(), now);
      }
      return users.byId(owner.userId()).filter(u -> !u.disabled()).map(u ->
          Principal.of(u, Principal.Via.ACCESS_TOKEN, ""));
    });
  }

  public List<AccessToken> list(String userId) {
    return rows.byUser(userId);
  }

  /** Revokes one of the caller's tokens; someone else's id is "not found". */
  public AccessToken revoke(String userId, String tokenId) {
    AccessToken token = rows.byId(userId, tokenId)
        .orElseThrow(() -> SwitchboardException.notFound("access token"));
    rows.revoke(userId, tokenId, clock.instant());
    kept.clear();
    return rows.byId(userId, tokenId).orElse(token);
  }

  /** Revokes every token of a user; answers how many were live. */
  public int revokeAll(String userId) {
    int revoked = rows.revokeAll(userId, clock.instant());
    kept.clear();
    return revoked;
  }

  /** Forgets who the kept tokens name, so that the next call reads its user again (disabled, deleted). */
  void forgetKept() {
    kept.clear();
  }
}
