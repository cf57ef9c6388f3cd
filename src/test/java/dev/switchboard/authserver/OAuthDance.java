package dev.switchboard.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.TestServer;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The steps of the OAuth code flow against a {@link TestServer}, over plain HTTP without following
 * redirects, for tests that take the flow apart (wrong verifier, replayed code, …).
 */
final class OAuthDance {
  static final String REDIRECT = "http://127.0.0.1:45678/callback";
  static final String VERIFIER = "verifier-0123456789-0123456789-0123456789-0123456789";
  private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
  private final TestServer server;
  private final Api anonymous;

  OAuthDance(TestServer server) {
    this.server = server;
    this.anonymous = new Api(server, null);
  }

  /** A client registered dynamically with one redirect URI; answers its client_id. */
  String register(String redirect) {
    Api.Answer answer = anonymous.post("/oauth/register",
        Map.of("client_name", "Dance client", "redirect_uris", List.of(redirect)));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    return answer.json().path("client_id").asString();
  }

  /** Signs in over the REST API; answers the session cookie ("name=value"). */
  String signIn(String email, String password) {
    Api.Answer answer = anonymous.post("/api/v1/session", Map.of("email", email, "password", password));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.raw().headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0])
        .filter(c -> c.startsWith("sb_session=")).findFirst().orElseThrow();
  }

  static String challenge(String verifier) {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The authorization request path with the usual parameters, {@code overrides} replacing some. */
  String authorizePath(String clientId, String resource, Map<String, String> overrides) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("response_type", "code");
    p.put("client_id", clientId);
    p.put("redirect_uri", REDIRECT);
    p.put("code_challenge", challenge(VERIFIER));
    p.put("code_challenge_method", "S256");
    p.put("resource", resource);
    p.put("state", "state-42");
    p.putAll(overrides);
    return "/oauth/authorize?" + form(p);
  }

  Api.Answer get(String path, String cookie) {
    return anonymous.send(anonymous.builder(path).header("Cookie", cookie).GET());
  }

  /** The hidden fields of the consent form (the request and the CSRF token). */
  static Map<String, String> consentFields(Api.Answer page) {
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher m = HIDDEN.matcher(page.body());
    while (m.find()) {
      fields.put(unescape(m.group(1)), unescape(m.group(2)));
    }
    return fields;
  }

  /** Presses Approve or Deny; answers the query parameters of the redirect to the client. */
  Map<String, String> decide(String cookie, Map<String, String> fields, String decision) {
    Map<String, String> form = new LinkedHashMap<>(fields);
    form.put("decision", decision);
    Api.Answer answer = postForm("/oauth/authorize", form, cookie);
    assertThat(answer.status()).as(answer.body()).isEqualTo(303);
    String location = answer.raw().headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(REDIRECT + "?");
    return query(URI.create(location).getRawQuery());
  }

  /** The whole flow up to the code: sign-in, consent page, Approve. */
  String code(String cookie, String clientId, String resource) {
    Map<String, String> fields = consentFields(get(authorizePath(clientId, resource, Map.of()), cookie));
    Map<String, String> answer = decide(cookie, fields, "approve");
    assertThat(answer).containsEntry("state", "state-42");
    return answer.get("code");
  }

  Api.Answer token(Map<String, String> form) {
    return postForm("/oauth/token", form, null);
  }

  Api.Answer exchange(String clientId, String code, String verifier) {
    return token(Map.of("grant_type", "authorization_code", "client_id", clientId, "code", code,
        "redirect_uri", REDIRECT, "code_verifier", verifier));
  }

  /** Tokens for {@code resource}, approved by the signed-in user. */
  JsonNode tokens(String cookie, String clientId, String resource) {
    Api.Answer answer = exchange(clientId, code(cookie, clientId, resource), VERIFIER);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  Api.Answer refresh(String clientId, String refreshToken) {
    return token(Map.of("grant_type", "refresh_token", "client_id", clientId, "refresh_token", refreshToken));
  }

  /** An MCP {@code initialize} on {@code path} with a bearer token. */
  Api.Answer mcp(String path, String token) {
    return anonymous.send(anonymous.builder(path).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
            + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"dance\",\"version\":\"1\"}}}")));
  }

  Api.Answer postForm(String path, Map<String, String> form, String cookie) {
    HttpRequest.Builder b = anonymous.builder(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(form)));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return anonymous.send(b);
  }

  static String form(Map<String, String> p) {
    return p.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }

  static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static String unescape(String s) {
    return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
