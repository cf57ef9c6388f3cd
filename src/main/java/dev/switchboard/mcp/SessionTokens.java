package dev.switchboard.mcp;

import dev.switchboard.vault.TokenSealer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * MCP session ids that reveal nothing: the claims encrypted and authenticated as a Fernet token
 * under a key derived from the vault key for {@value #PURPOSE} ({@link TokenSealer}). Any instance
 * that shares the vault keys can read one without a shared session store; ending a session is
 * recorded in the database so that every instance answers 404 for it afterwards.
 */
public final class SessionTokens {
  /** The purpose label the session key is derived with. */
  public static final String PURPOSE = "switchboard-mcp-session-v1";

  /**
   * What a session id says: whose it is, for which endpoint, which protocol version, when made, and
   * which of the client capabilities Switchboard relays for (sampling, elicitation, roots) the
   * client declared, space separated.
   */
  public record Claims(String userId, String endpoint, String version, long issuedAt, String nonce,
      String capabilities) {
    /** Claims of a client that declared none of the relayed capabilities. */
    public Claims(String userId, String endpoint, String version, long issuedAt, String nonce) {
      this(userId, endpoint, version, issuedAt, nonce, "");
    }
  }

  private static final int MAX_LENGTH = 1024;
  private final TokenSealer sealer;

  public SessionTokens(TokenSealer sealer) {
    this.sealer = sealer;
  }

  public String issue(Claims claims) {
    byte[] body = String.join("\n", claims.userId(), claims.endpoint(), claims.version(),
        Long.toString(claims.issuedAt()), claims.nonce(), claims.capabilities()).getBytes(StandardCharsets.UTF_8);
    return sealer.seal(body);
  }

  /** The claims of a genuine session id, or empty for anything forged, altered or malformed. */
  public Optional<Claims> read(String token) {
    if (token == null || token.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    return sealer.open(token).flatMap(SessionTokens::parse);
  }

  private static Optional<Claims> parse(byte[] body) {
    String[] parts = new String(body, StandardCharsets.UTF_8).split("\n", -1);
    // five parts: a session issued before capabilities were recorded
    if (parts.length != 5 && parts.length != 6) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Claims(parts[0], parts[1], parts[2], Long.parseLong(parts[3]), parts[4],
          parts.length == 6 ? parts[5] : ""));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
