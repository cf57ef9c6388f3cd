package dev.switchboard.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpHandler;
import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.McpCall;
import dev.switchboard.testing.TestServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11: an upstream that echoes the credential back — plain, JSON-escaped (every character or
 * some as backslash-u escapes, {@code \/}), percent-encoded (either hex case, {@code +} for space),
 * these escapes nested (a lower-case percent-escape written as backslash-u escapes, percent-encoding
 * applied twice), as Base64 of the secret and of Basic pairs at every byte offset, and the
 * Authorization header it received — in success and error bodies, leaves no form of the secret in
 * tool results (through the real MCP endpoint), REST answers, the database files (WAL included) or
 * the logs. Answers are searched as sent and, when they are JSON, in their decoded strings (and in
 * the JSON those strings hold), where an escaped form would otherwise hide behind one more escape.
 * A numeric secret is followed through JSON numbers, Retry-After, a message cut at 300 characters
 * and a body cut at the response cap.
 */
class EchoedSecretsIT {
  // "echo7@acme.test:" is 16 bytes, so the secret starts at a non-zero Base64 offset in the header
  static final String EMAIL = "echo7@acme.test";
  static final String NUMERIC = "9081726354453627";
  static final String SECRET = "CANARY-jira/tok+en 7f3a9c1e5b";

  static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  Path dir;

  static String unicode(String s, int every) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      out.append(i % every == 0 ? String.format(i % 2 == 0 ? "\\u%04X" : "\\u%04x", (int) s.charAt(i))
          : String.valueOf(s.charAt(i)));
    }
    return out.toString();
  }

  static String percent(String s, boolean lower) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      out.append(String.format(lower ? "%%%02x" : "%%%02X", b & 0xff));
    }
    return out.toString();
  }

  static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static String b64Url(String s) {
    return Base64.getUrlEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Every form the secret may be found in, by name. */
  static Map<String, String> forms() {
    String pair = EMAIL + ":" + SECRET;
    Map<String, String> forms = new LinkedHashMap<>();
    forms.put("literal", SECRET);
    forms.put("all backslash-u", unicode(SECRET, 1));
    forms.put("some backslash-u", unicode(SECRET, 3));
    forms.put("escaped slash", SECRET.replace("/", "\\/"));
    forms.put("percent upper", percent(SECRET, false));
    forms.put("percent lower", percent(SECRET, true));
    forms.put("form-encoded", URLEncoder.encode(SECRET, StandardCharsets.UTF_8));
    forms.put("base64 pair", b64(pair));
    forms.put("base64 pair unpadded", b64(pair).replace("=", ""));
    forms.put("base64url pair", b64Url(pair));
    forms.put("base64url pair unpadded", b64Url(pair).replace("=", ""));
    forms.put("base64 secret", b64(SECRET));
    forms.put("base64url secret unpadded", b64Url(SECRET).replace("=", ""));
    forms.put("base64 pair of another user, offset 1", b64("ab@x.test:" + SECRET));
    forms.put("base64url pair of another user, offset 2", b64Url("abc@x.test:" + SECRET));
    forms.put("backslash-u of lower-case percent", unicode(percent(SECRET, true), 1));
    forms.put("percent with backslash-u signs", percent(SECRET, true).replace("%", "\\u0025"));
    forms.put("percent twice", percent(percent(SECRET, true), false));
    return forms;
  }

  /**
   * What must not be found for each form: the form itself, or for Base64 the characters that hold
   * only the secret's bits (the one or two at the edges also hold bits of the neighbouring bytes).
   */
  static Map<String, String> searched() {
    Map<String, String> searched = new LinkedHashMap<>(forms());
    searched.put("base64 pair", secretBits(EMAIL + ":", false));
    searched.put("base64 pair unpadded", secretBits(EMAIL + ":", false));
    searched.put("base64url pair", secretBits(EMAIL + ":", true));
    searched.put("base64url pair unpadded", secretBits(EMAIL + ":", true));
    searched.put("base64 pair of another user, offset 1", secretBits("ab@x.test:", false));
    searched.put("base64url pair of another user, offset 2", secretBits("abc@x.test:", true));
    return searched;
  }

  static String secretBits(String prefix, boolean urlSafe) {
    int before = prefix.getBytes(StandardCharsets.UTF_8).length;
    byte[] bytes = (prefix + SECRET).getBytes(StandardCharsets.UTF_8);
    String encoded = (urlSafe ? Base64.getUrlEncoder() : Base64.getEncoder()).encodeToString(bytes);
    return encoded.substring((8 * before + 5) / 6, 8 * bytes.length / 6);
  }

  /** A JSON body that holds every form, as values and one as a key, plus the header it received. */
  static String jsonEcho(String authorization) {
    StringBuilder body = new StringBuilder("{\"message\":\"Invalid header Authorization: " + authorization + "\"");
    forms().forEach((name, form) -> body.append(",\"").append(name).append("\":\"").append(form).append('"'));
    body.append(",\"").append(unicode(SECRET, 1)).append("\":\"as a key\"");
    body.append(",\"nested\":{\"list\":[\"").append(unicode(SECRET, 2)).append(" inside\"]}}");
    return body.toString();
  }

  static HttpHandler echo(int status, boolean json) {
    return exchange -> {
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      String body = json ? jsonEcho(authorization)
          : "you sent " + authorization + "\n" + String.join("\n", forms().values());
      LocalHttpServer.answer(status, body, "Content-Type", json ? "application/json" : "text/plain")
          .handle(exchange);
    };
  }

  static List<String> leaks(String text) {
    return leaks(text, searched());
  }

  /** The names of the forms found in {@code text}, or in the strings of its JSON, decoded. */
  static List<String> leaks(String text, Map<String, String> searched) {
    List<String> texts = new ArrayList<>();
    texts.add(text);
    decodedStrings(text, 0, texts);
    List<String> found = new ArrayList<>();
    searched.forEach((name, form) -> {
      if (texts.stream().anyMatch(t -> t.contains(form))) {
        found.add(name);
      }
    });
    return found;
  }

  /** Adds every key, string and number of {@code text} read as JSON, and of the JSON those hold. */
  static void decodedStrings(String text, int depth, List<String> out) {
    String trimmed = text.strip();
    if (depth > 3 || !(trimmed.startsWith("{") || trimmed.startsWith("["))) {
      return;
    }
    JsonNode node;
    try {
      node = JSON.readTree(trimmed);
    } catch (JacksonException e) {
      return;
    }
    List<JsonNode> pending = new ArrayList<>(List.of(node));
    while (!pending.isEmpty()) {
      JsonNode next = pending.remove(pending.size() - 1);
      if (next.isObject()) {
        next.properties().forEach(p -> {
          out.add(p.getKey());
          pending.add(p.getValue());
        });
      } else if (next.isArray()) {
        next.forEach(pending::add);
      } else if (next.isString()) {
        out.add(next.asString());
        decodedStrings(next.asString(), depth + 1, out);
      } else if (next.isNumber()) {
        out.add(next.asString());
      }
    }
  }

  @Test
  void noFormOfAnEchoedSecretReachesResultsAnswersDatabaseOrLogs() throws IOException {
    AtomicReference<HttpHandler> handler = new AtomicReference<>(echo(401, true));
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.setContext(context);
    logs.start();
    root.addAppender(logs);
    Map<String, String> answers = new LinkedHashMap<>();
    try (LocalHttpServer upstream = LocalHttpServer.start().on("/", e -> handler.get().handle(e));
        TestServer server = TestServer.sqlite(dir)) {
      String token = Cli.userWithToken(server.env(), "echo-user@example.com");
      Api api = new Api(server, token);

      Api.Answer rejected = api.post("/api/v1/credentials?verify=true", Map.of("provider", "jira-cloud",
          "authMethod", "API_KEY", "fields", Map.of("instance_url", upstream.url(""), "email", EMAIL,
              "api_key", SECRET)));
      assertThat(rejected.status()).as(rejected.body()).isEqualTo(201);
      assertThat(rejected.json().path("verification").asString()).isEqualTo("ERROR");
      assertThat(rejected.json().path("verificationMessage").asString()).contains("[redacted]");
      assertThat(upstream.requests().get(0).header("authorization")).isEqualTo("Basic " + b64(EMAIL + ":" + SECRET));
      String id = rejected.json().path("id").asString();
      answers.put("create with failed verification", rejected.body());
      answers.put("credential", api.get("/api/v1/credentials/" + id).body());

      handler.set(echo(400, false));
      answers.put("verify, plain-text error", api.post("/api/v1/credentials/" + id + "/verify", Map.of()).body());
      handler.set(echo(200, true));
      Api.Answer verified = api.post("/api/v1/credentials/" + id + "/verify", Map.of());
      assertThat(verified.json().path("verification").asString()).as(verified.body()).isEqualTo("VERIFIED");
      answers.put("verify, success", verified.body());

      Api.Answer bundle = api.post("/api/v1/bundles", Map.of("slug", "echoes", "name", "Echoes",
          "tools", List.of("jira-cloud_get_myself")));
      assertThat(bundle.status()).as(bundle.body()).isEqualTo(201);
      McpCall mcp = new McpCall(server, token, "/mcp/bundle/echoes");
      JsonNode ok = mcp.call("jira-cloud_get_myself", Map.of());
      assertThat(ok.path("isError").asBoolean()).as(ok.toString()).isFalse();
      assertThat(ok.path("structuredContent").path("nested").path("list").get(0).asString())
          .isEqualTo("[redacted] inside");
      assertThat(ok.path("structuredContent").has("[redacted]")).as(ok.toString()).isTrue();
      answers.put("tool result, success", ok.toString());
      handler.set(echo(401, true));
      JsonNode unauthorized = mcp.call("jira-cloud_get_myself", Map.of());
      assertThat(unauthorized.path("isError").asBoolean()).isTrue();
      answers.put("tool result, 401", unauthorized.toString());
      handler.set(echo(500, false));
      answers.put("tool result, 500", mcp.call("jira-cloud_get_myself", Map.of()).toString());

      answers.put("executions", api.get("/api/v1/executions").body());
      answers.put("credentials", api.get("/api/v1/credentials").body());
      answers.put("notifications", api.get("/api/v1/notifications").body());
      answers.put("audit", api.get("/api/v1/audit").body());
      answers.put("standard output", server.printed());
    } finally {
      root.detachAppender(logs);
    }

    assertNothingLeaked(answers, logs, searched());
  }

  @Test
  void aNumericSecretLeavesNoTraceInNumbersRetryAfterMessagesCutAtThreeHundredOrBodiesCutAtTheCap()
      throws IOException {
    int cap = 2000;
    String numericPercent = percent(NUMERIC, true).replace("%", "\\u0025");
    Map<String, HttpHandler> handlers = Map.of(
        "number", LocalHttpServer.answer(200, "{\"accountId\": " + NUMERIC + ", \"list\": [" + NUMERIC + "]}",
            "Content-Type", "application/json"),
        "retry", LocalHttpServer.answer(429, "", "Retry-After", "soon " + NUMERIC),
        "retry seconds", LocalHttpServer.answer(429, "", "Retry-After", NUMERIC),
        "cut at 300", LocalHttpServer.answer(400, "x".repeat(290) + " " + NUMERIC + " end", "Content-Type", "text/plain"),
        "jira errors", LocalHttpServer.answer(400, "{\"errorMessages\": [\"bad token " + numericPercent + "\"]}",
            "Content-Type", "application/json"),
        "capped", LocalHttpServer.answer(200, "{\"a\": \"" + "y".repeat(cap - 14) + numericPercent,
            "Content-Type", "application/json"),
        "capped error", LocalHttpServer.answer(500, "z".repeat(cap - 6) + NUMERIC, "Content-Type", "text/plain"));
    AtomicReference<HttpHandler> handler = new AtomicReference<>(handlers.get("number"));
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.setContext(context);
    logs.start();
    root.addAppender(logs);
    Map<String, String> answers = new LinkedHashMap<>();
    try (LocalHttpServer upstream = LocalHttpServer.start().on("/", e -> handler.get().handle(e));
        TestServer server = TestServer.start(dir, Map.of("SWITCHBOARD_MAX_RESPONSE_BYTES", String.valueOf(cap)))) {
      String token = Cli.userWithToken(server.env(), "numeric-user@example.com");
      Api api = new Api(server, token);
      Api.Answer created = api.post("/api/v1/credentials?verify=true", Map.of("provider", "jira-cloud",
          "authMethod", "API_KEY", "fields", Map.of("instance_url", upstream.url(""), "email", EMAIL,
              "api_key", NUMERIC)));
      assertThat(created.json().path("verification").asString()).as(created.body()).isEqualTo("VERIFIED");
      assertThat(api.post("/api/v1/bundles", Map.of("slug", "numbers", "name", "Numbers",
          "tools", List.of("jira-cloud_get_myself"))).status()).isEqualTo(201);
      McpCall mcp = new McpCall(server, token, "/mcp/bundle/numbers");
      for (String name : List.of("number", "retry", "retry seconds", "cut at 300", "jira errors", "capped",
          "capped error")) {
        handler.set(handlers.get(name));
        JsonNode result = mcp.call("jira-cloud_get_myself", Map.of());
        answers.put("tool result, " + name, result.toString());
        if (name.equals("number")) {
          assertThat(result.path("structuredContent").path("accountId").asString()).as(result.toString())
              .isEqualTo(Redactor.MASK);
        }
        if (name.startsWith("retry")) {
          // neither "soon <secret>" nor 16 digits is a Retry-After value worth repeating
          assertThat(result.path("content").get(0).path("text").asString())
              .isEqualTo("rate limited: the provider answered HTTP 429");
        }
      }
      answers.put("executions", api.get("/api/v1/executions").body());
      answers.put("credentials", api.get("/api/v1/credentials").body());
      answers.put("standard output", server.printed());
    } finally {
      root.detachAppender(logs);
    }

    Map<String, String> searched = new LinkedHashMap<>();
    searched.put("numeric secret", NUMERIC);
    searched.put("its first eight digits", NUMERIC.substring(0, 8));
    searched.put("percent with backslash-u signs", numericPercent);
    searched.put("its first percent-escapes", numericPercent.substring(0, 24));
    assertNothingLeaked(answers, logs, searched);
  }

  void assertNothingLeaked(Map<String, String> answers, ListAppender<ILoggingEvent> logs, Map<String, String> searched)
      throws IOException {
    answers.forEach((where, body) -> assertThat(leaks(body, searched)).as(where + ": " + body).isEmpty());
    for (ILoggingEvent event : logs.list) {
      String line = event.getFormattedMessage() + event.getMDCPropertyMap()
          + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      assertThat(leaks(line, searched)).as(line).isEmpty();
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).anySatisfy(f -> assertThat(f.toString()).endsWith(".db"));
    for (Path file : files) {
      String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      assertThat(leaks(content, searched)).as(file.toString()).isEmpty();
    }
  }
}
