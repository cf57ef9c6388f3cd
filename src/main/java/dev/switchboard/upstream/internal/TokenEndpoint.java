package dev.switchboard.upstream.internal;

import dev.switchboard.provider.ClientAuthentication;
import dev.switchboard.upstream.Header;
import dev.switchboard.upstream.HttpCall;
import dev.switchboard.upstream.HttpResult;
import dev.switchboard.upstream.OutboundHttp;
import dev.switchboard.upstream.Redactor;
import dev.switchboard.upstream.UpstreamUnavailableException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Token requests the gateway makes for itself (RFC 6749 §4.4 client credentials, RFC 7523 JWT bearer): a
 * form-encoded POST through the guarded outbound client, the client authenticated with HTTP Basic (§2.3.1, names
 * form-encoded first) or in the body. A 4xx answer is a {@link GrantRefusedException}; 5xx and network trouble are
 * the provider being unavailable. Error texts are redacted of the request's secrets. Thread safe.
 */
final class TokenEndpoint {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final int MAX_BYTES = 256 * 1024;
  private final OutboundHttp http;
  private final JsonMapper json;
  private final Clock clock;

  TokenEndpoint(OutboundHttp http, JsonMapper json, Clock clock) {
    this.http = http;
    this.json = json;
    this.clock = clock;
  }

  /** Client identity at the token endpoint; {@code secret} null for none. {@link #toString()} hides the secret. */
  record Client(String id, String secret, ClientAuthentication authentication) {
    @Override
    public String toString() {
      return "Client[" + id + "]";
    }
  }

  /**
   * Posts {@code form} (plus the client's credentials, when {@code client} is not null) to {@code url}.
   *
   * @param secrets values of {@code form} that must not appear in an error (an assertion)
   * @param deadline the call's deadline (the request ends at it or after {@code TIMEOUT}, whichever is first);
   *     null for none
   */
  GrantedTokens.Fetched request(String url, Client client, Map<String, String> form, List<String> secrets,
      Instant deadline) {
    List<Header> headers = new ArrayList<>();
    headers.add(new Header("Accept", "application/json"));
    Map<String, String> body = new LinkedHashMap<>(form);
    Redactor.Builder redactor = Redactor.builder().secrets(secrets);
    if (client != null) {
      redactor.secret(client.secret());
      if (client.authentication() == ClientAuthentication.CLIENT_SECRET_BASIC) {
        String pair = encode(client.id()) + ":" + encode(client.secret());
        redactor.basic(encode(client.id()), encode(client.secret()));
        headers.add(new Header("Authorization", "Basic "
            + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
      } else {
        body.put("client_id", client.id());
        body.put("client_secret", client.secret());
      }
    }
    Instant until = clock.instant().plus(TIMEOUT);
    if (deadline != null && deadline.isBefore(until)) {
      until = deadline;
    }
    HttpResult result = http.send(new HttpCall("POST", URI.create(url), headers, formBody(body),
        Optional.of("application/x-www-form-urlencoded"), until, MAX_BYTES));
    JsonNode answer = parse(result);
    if (result.isSuccess() && answer.path("access_token").isString()) {
      JsonNode expires = answer.path("expires_in");
      Long expiresIn = expires.isNumber() ? Long.valueOf(expires.asLong())
          : expires.isString() && expires.asString().matches("[0-9]{1,9}") ? Long.valueOf(expires.asString()) : null;
      return new GrantedTokens.Fetched(answer.path("access_token").asString(), expiresIn);
    }
    Redactor r = redactor.build();
    String error = r.redact(answer.path("error").isString() ? answer.path("error").asString()
        : "http_" + result.status());
    String description = answer.path("error_description").isString()
        ? ": " + r.redact(answer.path("error_description").asString()) : "";
    String message = "the token endpoint answered HTTP " + result.status() + " (" + error + description + ")";
    if (result.status() >= 500 || result.status() == 429 || (result.isSuccess())) {
      throw new UpstreamUnavailableException(UpstreamUnavailableException.Failure.BROKEN, message);
    }
    throw new GrantRefusedException(message, result.status());
  }

  private JsonNode parse(HttpResult result) {
    try {
      return json.readTree(result.body());
    } catch (JacksonException e) {
      return json.createObjectNode();
    }
  }

  private static byte[] formBody(Map<String, String> form) {
    StringBuilder out = new StringBuilder();
    form.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(encode(k)).append('=').append(encode(v)));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
