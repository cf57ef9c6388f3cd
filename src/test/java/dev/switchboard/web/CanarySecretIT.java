package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A secret saved through the API appears in no log line, no response and nowhere in the database files. */
class CanarySecretIT {
  private static final String CANARY = "sk-CANARY-7f3a9c1e5b2d4f6a8c0e";

  @TempDir
  Path dir;

  @Test
  void canaryAppearsInNoLogNoResponseAndNoDatabaseFile() throws IOException {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.setContext(context);
    logs.start();
    root.addAppender(logs);
    List<String> responses = new ArrayList<>();
    try (TestServer server = TestServer.sqlite(dir)) {
      Api api = new Api(server, Cli.userWithToken(server.env(), "carol@example.com"));
      Api.Answer created = api.post("/api/v1/credentials",
          Map.of("provider", "openai", "authMethod", "API_KEY", "fields", Map.of("api_key", CANARY)));
      assertThat(created.status()).isEqualTo(201);
      String id = created.json().path("id").asString();
      responses.add(created.body());
      responses.add(api.get("/api/v1/credentials").body());
      responses.add(api.get("/api/v1/credentials/" + id).body());
      responses.add(api.patch("/api/v1/credentials/" + id, Map.of("label", "Renamed")).body());
      responses.add(api.post("/api/v1/credentials/" + id + "/disable", Map.of()).body());
      responses.add(api.post("/api/v1/credentials/" + id + "/enable", Map.of()).body());
      responses.add(api.get("/api/v1/providers/openai").body());
      // bad requests that carry the canary must not echo it either
      responses.add(api.post("/api/v1/credentials", Map.of("provider", "openai",
          "authMethod", "API_KEY", "fields", Map.of("api_key", CANARY, "nope", CANARY))).body());
      responses.add(api.post("/api/v1/credentials", Map.of("provider", CANARY,
          "authMethod", "API_KEY", "fields", Map.of("api_key", CANARY))).body());
      responses.add(api.post("/api/v1/credentials", "{\"label\":\"" + CANARY).body());
      responses.add(new Api(server, null).get("/metrics").body());
      responses.add(server.printed());
    } finally {
      root.detachAppender(logs);
    }
    assertThat(responses).allSatisfy(body -> assertThat(body).doesNotContain(CANARY));
    assertThat(logs.list).isNotEmpty();
    for (ILoggingEvent event : logs.list) {
      String line = event.getFormattedMessage() + event.getMDCPropertyMap()
          + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      assertThat(line).doesNotContain(CANARY);
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(content).as(file.toString()).doesNotContain(CANARY);
      }
    }
  }
}
