package dev.switchboard.oauth.internal;

import java.util.Map;
import java.util.Optional;

/**
 * A token endpoint's answer (RFC 6749 §5): the tokens on success, or the error code and whether a
 * retry can help (network trouble, 5xx, 429) or not ({@code invalid_grant}, {@code invalid_client},
 * {@code unauthorized_client}, revoked). {@code values} holds the answer's other top-level text fields
 * (Salesforce's {@code instance_url}), for the provider's {@code tokenValues}. {@link #toString()} names no token.
 */
public record TokenAnswer(
    boolean ok,
    String accessToken,
    Optional<String> refreshToken,
    Optional<String> tokenType,
    Optional<Long> expiresIn,
    Optional<String> scope,
    Optional<String> idToken,
    String error,
    String description,
    boolean transientFailure,
    Map<String, String> values) {

  public TokenAnswer {
    values = values == null ? Map.of() : Map.copyOf(values);
  }

  public static TokenAnswer failed(String error, String description, boolean transientFailure) {
    return new TokenAnswer(false, null, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), error, description, transientFailure, Map.of());
  }

  @Override
  public String toString() {
    return ok ? "TokenAnswer[ok]" : "TokenAnswer[" + error + ", transient=" + transientFailure + "]";
  }
}
