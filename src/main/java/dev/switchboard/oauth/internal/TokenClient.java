package dev.switchboard.oauth.internal;

import dev.switchboard.error.SwitchboardException;
import dev.switchboard.provider.ClientAuthentication;
import dev.switchboard.upstream.Header;
import dev.switchboard.upstream.HttpCall;
import dev.switchboard.upstream.HttpResult;
import dev.switchboard.upstream.OutboundGuard;
import dev.switchboard.upstream.OutboundHttp;
import dev.switchboard.upstream.Redactor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The token endpoint client (RFC 6749 §4.1.3, §6; RFC 7009 revocation), separate so that tests can
 * point it at a real local authorization server. Every request goes through the SSRF guard. Answers
 * in JSON and in form encoding are both understood ({@link TokenBodies}).
 */
public final class TokenClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final int MAX_BYTES = 1024 * 1024;
  private static final Set<String> STANDARD = Set.of("access_token", "refresh_token", "token_type", "expires_in",
      "scope", "id_token");
  private final OutboundHttp http;
  private final OutboundGuard guard;
  private final JsonMapper json;
  private final Clock clock;

  public TokenClient(OutboundHttp http, OutboundGuard guard, JsonMapper json, Clock clock) {
    this.http = http;
    this.guard = guard;
    this.json = json;
    this.clock = clock;
  }

  /** A client's identity at the token endpoint. {@link #toString()} hides the secret. */
  public record Client(String id, String secret, ClientAuthentication authentication) {
    @Override
    public String toString() {
      return "Client[" + id + "]";
    }
  }

  public TokenAnswer exchange(String tokenUrl, Client client, String code, String redirectUri, String verifier) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    if (verifier != null) {
      form.put("code_verifier", verifier);
    }
    return token(tokenUrl, client, form);
  }

  public TokenAnswer refresh(String tokenUrl, Client client, String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    return token(tokenUrl, client, form);
  }

  /** RFC 7009: true when the server accepted the revocation (200). */
  public boolean revoke(String revokeUrl, Client client, String token, String hint) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", token);
    form.put("token_type_hint", hint);
    HttpResult result = post(revokeUrl, client, form);
    return result.status() == 200;
  }

  /** A GET with a bearer token (userinfo). */
  public Optional<JsonNode> getJson(String url, String accessToken) {
    try {
      HttpResult r = http.send(new HttpCall("GET", guard.check(url),
          List.of(new Header("Authorization", "Bearer " + accessToken), new Header("Accept", "application/json")),
          null, Optional.empty(), clock.instant().plus(TIMEOUT), MAX_BYTES));
      return r.isSuccess() ? Optional.of(json.readTree(r.body())) : Optional.empty();
    } catch (SwitchboardException | JacksonException e) {
      return Optional.empty();
    }
  }

  private TokenAnswer token(String tokenUrl, Client client, Map<String, String> form) {
    HttpResult result;
    try {
      result = post(tokenUrl, client, form);
    } catch (SwitchboardException e) {
      return TokenAnswer.failed("network_error", e.getMessage(), true);
    }
    JsonNode body = TokenBodies.read(json, result);
    if (result.isSuccess() && body.path("access_token").isString()) {
      return new TokenAnswer(true, body.path("access_token").asString(), text(body, "refresh_token"),
          text(body, "token_type"), body.path("expires_in").isNumber()
              ? Optional.of(body.path("expires_in").asLong())
              : text(body, "expires_in").map(Long::parseLong),
          text(body, "scope"), text(body, "id_token"), null, null, false, otherValues(body));
    }
    boolean transientFailure = result.status() >= 500 || result.status() == 429;
    // the error ends up in the credential's verification message and a notification: an endpoint
    // that quotes the request must not put the refresh token, code or client secret there
    Redactor redactor = redactor(client, form);
    String error = redactor.redact(text(body, "error").orElse("http_" + result.status()));
    String description = redactor.redact(
        text(body, "error_description").orElse("the token endpoint answered HTTP " + result.status()));
    return TokenAnswer.failed(error, description, transientFailure);
  }

  /** The secrets of a token request: the client secret (alone and as Basic material) and the grant's values. */
  private static Redactor redactor(Client client, Map<String, String> form) {
    Redactor.Builder redactor = Redactor.builder();
    if (client.secret() != null) {
      redactor.basic(client.id(), client.secret()).basic(encode(client.id()), encode(client.secret()));
    }
    for (String field : List.of("code", "code_verifier", "refresh_token", "token")) {
      redactor.secret(form.get(field));
    }
    return redactor.build();
  }

  private HttpResult post(String url, Client client, Map<String, String> form) {
    List<Header> headers = new ArrayList<>();
    headers.add(new Header("Accept", "application/json"));
    Map<String, String> body = new LinkedHashMap<>(form);
    if (client.authentication() == ClientAuthentication.CLIENT_SECRET_BASIC && client.secret() != null) {
      String pair = encode(client.id()) + ":" + encode(client.secret());
      headers.add(new Header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
    } else {
      body.put("client_id", client.id());
      if (client.secret() != null) {
        body.put("client_secret", client.secret());
      }
    }
    return http.send(new HttpCall("POST", guard.check(url), headers, formBody(body),
        Optional.of("application/x-www-form-urlencoded"), clock.instant().plus(TIMEOUT), MAX_BYTES));
  }

  private static byte[] formBody(Map<String, String> form) {
    StringBuilder out = new StringBuilder();
    form.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(encode(k)).append('=').append(encode(v)));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The answer's top-level text fields other than the RFC 6749 ones. */
  private static Map<String, String> otherValues(JsonNode body) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : body.properties()) {
      if (!STANDARD.contains(property.getKey()) && property.getValue().isString()) {
        values.put(property.getKey(), property.getValue().asString());
      }
    }
    return values;
  }

  private static Optional<String> text(JsonNode body, String field) {
    JsonNode v = body.path(field);
    return v.isString() && !v.asString().isEmpty() ? Optional.of(v.asString()) : Optional.empty();
  }
}
