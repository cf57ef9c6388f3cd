package dev.switchboard.mcp;

import dev.switchboard.store.Ids;
import dev.switchboard.vault.Digests;
import dev.switchboard.vault.Signer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The JSON-RPC ids of relayed server requests (docs/mcp.md, "Relayed server requests"):
 * {@code sb-relay-<random>.<mac>}, the random part 16 base-62 characters and the MAC the base64url
 * HMAC-SHA256 ({@link Signer}, the vault-derived signing key every instance shares, as for list
 * cursors) of {@value #PURPOSE}, the SHA-256 of the session id the request goes to, and the random
 * part. Only the instances of this installation can make one, and one made for a session verifies
 * for no other: a response POSTed with an id that does not verify for its own session is dropped
 * before it reaches another instance. Thread-safe.
 */
final class RelayIds {
  /** How every relay id begins. */
  static final String PREFIX = "sb-relay-";
  private static final String PURPOSE = "switchboard-mcp-relay-id-v1";
  private static final int RANDOM = 16;
  /** base64url of the 32-byte MAC, without padding. */
  private static final int MAC_CHARS = 43;
  private final Signer signer;

  RelayIds(Signer signer) {
    this.signer = signer;
  }

  /** A new relay id for a request to the client of {@code sessionId}. */
  String issue(String sessionId) {
    String random = Ids.random(RANDOM);
    byte[] mac = signer.sign(signed(sessionId, random));
    return PREFIX + random + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
  }

  /** Whether {@code relayId} is a relay id issued by this installation for {@code sessionId}. */
  boolean issuedTo(String sessionId, String relayId) {
    if (relayId.length() != PREFIX.length() + RANDOM + 1 + MAC_CHARS || !relayId.startsWith(PREFIX)
        || relayId.charAt(PREFIX.length() + RANDOM) != '.') {
      return false;
    }
    String random = relayId.substring(PREFIX.length(), PREFIX.length() + RANDOM);
    try {
      String text = relayId.substring(PREFIX.length() + RANDOM + 1);
      byte[] mac = Base64.getUrlDecoder().decode(text);
      // one spelling per MAC: the decoder ignores the last character's spare bits
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac).equals(text)
          && signer.verify(signed(sessionId, random), mac);
    } catch (IllegalArgumentException e) {
      return false; // not base64url: no id of ours
    }
  }

  private static byte[] signed(String sessionId, String random) {
    return (PURPOSE + "\n" + Digests.sha256Hex(sessionId) + "\n" + random).getBytes(StandardCharsets.UTF_8);
  }
}
