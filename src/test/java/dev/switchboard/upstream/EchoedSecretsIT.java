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
import tools.jackson.databind.JsonNode;

/**
 * Issue 11: an upstream that echoes the credential back — plain, JSON-escaped (every character or
 * some as backslash-u escapes, {@code \/}), percent-encoded (either hex case, {@code +} for space),
 * as Base64 of the secret and of the Basic pair, and the Authorization header it received — in
 * success and error bodies, leaves no form of the secret in tool results (through the real MCP
 * endpoint), REST answers, the database files (WAL included) or the logs.
 */
class EchoedSecretsIT {
  static final String EMAIL = "echo@acme.test";
  static final String SECRET = "CANARY-jira/tok+en 7f3a9c1e5b";

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
    return forms;
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
    List<String> found = new ArrayList<>();
    forms().forEach((name, form) -> {
      if (text.contains(form)) {
        found.add(name);
      }
    });
    return found;
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

    answers.forEach((where, body) -> assertThat(leaks(body)).as(where + ": " + body).isEmpty());
    for (ILoggingEvent event : logs.list) {
      String line = event.getFormattedMessage() + event.getMDCPropertyMap()
          + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      assertThat(leaks(line)).as(line).isEmpty();
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).anySatisfy(f -> assertThat(f.toString()).endsWith(".db"));
    for (Path file : files) {
      String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      assertThat(leaks(content)).as(file.toString()).isEmpty();
    }
  }
}
