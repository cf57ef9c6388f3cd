package dev.switchboard.mcp;

import dev.switchboard.store.Ids;
import dev.switchboard.vault.Digests;
import dev.switchboard.vault.Signer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * The JSON-RPC ids of relayed server requests (docs/mcp.md, "Relayed server requests"):
 * {@code sb-relay-<random>.<expiry>.<mac>}, the random part 16 base-62 characters, the expiry the
 * epoch second after which the id is void (7 base-36 characters), and the MAC the base64url
 * HMAC-SHA256 ({@link Signer}, the vault-derived signing key every instance shares, as for list
 * cursors) of {@value #PURPOSE}, the SHA-256 of the session id the request goes to, the random part
 * and the expiry. Only the instances of this installation can make one, one made for a session
 * verifies for no other, and none verifies once it has expired: a response POSTed with an id that
 * does not verify for its own session, or comes too late, is dropped before it reaches another
 * instance. Thread-safe.
 */
final class RelayIds {
  /** How every relay id begins. */
  static final String PREFIX = "sb-relay-";
  private static final String PURPOSE = "switchboard-mcp-relay-id-v2";
  private static final int RANDOM = 16;
  /** Epoch seconds in base 36: seven characters last until the year 4453. */
  private static final int EXPIRY = 7;
  /** base64url of the 32-byte MAC, without padding. */
  private static final int MAC_CHARS = 43;
  private final Signer signer;
  private final Clock clock;
  private final Duration lifetime;

  /** {@code lifetime}: how long an id stays valid after it is issued. */
  RelayIds(Signer signer, Clock clock, Duration lifetime) {
    this.signer = signer;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** A new relay id for a request to the client of {@code sessionId}. */
  String issue(String sessionId) {
    String random = Ids.random(RANDOM);
    long seconds = clock.instant().plus(lifetime).getEpochSecond() + 1;
    String expiry = "0".repeat(Math.max(0, EXPIRY - Long.toString(seconds, 36).length())) + Long.toString(seconds, 36);
    byte[] mac = signer.sign(signed(sessionId, random, expiry));
    return PREFIX + random + "." + expiry + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
  }

  /** Whether {@code relayId} is a relay id issued by this installation for {@code sessionId}, and not expired. */
  boolean issuedTo(String sessionId, String relayId) {
    int dot = PREFIX.length() + RANDOM;
    if (relayId.length() != dot + 1 + EXPIRY + 1 + MAC_CHARS || !relayId.startsWith(PREFIX)
        || relayId.charAt(dot) != '.' || relayId.charAt(dot + 1 + EXPIRY) != '.') {
      return false;
    }
    String random = relayId.substring(PREFIX.length(), dot);
    String expiry = relayId.substring(dot + 1, dot + 1 + EXPIRY);
    try {
      String text = relayId.substring(dot + 1 + EXPIRY + 1);
      byte[] mac = Base64.getUrlDecoder().decode(text);
      // one spelling per MAC: the decoder ignores the last character's spare bits
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac).equals(text)
          && signer.verify(signed(sessionId, random, expiry), mac)
          && Long.parseLong(expiry, 36) > clock.instant().getEpochSecond();
    } catch (IllegalArgumentException e) {
      return false; // not base64url, or not base 36: no id of ours
    }
  }

  private static byte[] signed(String sessionId, String random, String expiry) {
    return (PURPOSE + "\n" + Digests.sha256Hex(sessionId) + "\n" + random + "\n" + expiry)
        .getBytes(StandardCharsets.UTF_8);
  }
}
