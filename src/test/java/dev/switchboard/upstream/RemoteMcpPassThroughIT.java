package dev.switchboard.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.PythonSdk;
import dev.switchboard.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * What a remote MCP server returns reaches the client through a bundle unchanged: the official
 * Python SDK client, over Streamable HTTP and over the legacy HTTP+SSE transport, calls
 * server-everything's tools through a bundle and sees the image byte for byte, the resource links,
 * the content annotations, several blocks kept apart, structured content, the tools' annotations
 * and titles, and the progress of the long-running tool (docs/remote-mcp-providers.md, "Results").
 */
class RemoteMcpPassThroughIT {
  @TempDir
  static Path dir;
  static EverythingServer streamable;
  static EverythingServer sse;
  static TestServer server;
  static Api admin;

  @BeforeAll
  static void start() {
    if (EverythingServer.installed() && PythonSdk.installed()) {
      streamable = EverythingServer.start("streamableHttp");
      sse = EverythingServer.start("sse");
      server = TestServer.sqlite(dir);
      admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
    }
  }

  @BeforeEach
  void requirePeers() {
    EverythingServer.requireInstalled();
    PythonSdk.require();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (streamable != null) {
      streamable.close();
    }
    if (sse != null) {
      sse.close();
    }
  }

  @ParameterizedTest
  @CsvSource({"streamable, everything", "sse, legacy"})
  void thePythonClientSeesWhatTheServerSent(String transport, String slug) throws IOException {
    String token = bundleOf(slug, transport.equals("sse") ? sse.url("/sse") : streamable.url("/mcp"));
    String url = server.url("/mcp/bundle/" + slug + "-all" + (transport.equals("sse") ? "/sse" : ""));

    JsonNode seen = PythonSdk.run("bundle_content.py", List.of(transport, url),
        Map.of("SWITCHBOARD_TOKEN", token, "TOOL_PREFIX", slug + "_"), Duration.ofSeconds(90));

    // every tool keeps its title and annotations
    assertThat(seen.path("tools").size()).isGreaterThanOrEqualTo(10);
    seen.path("tools").properties().forEach(tool -> {
      assertThat(tool.getValue().path("annotations").isObject()).as(tool.getKey()).isTrue();
      assertThat(tool.getValue().path("title").asString()).as(tool.getKey()).isNotBlank();
    });
    JsonNode image = seen.path("tools").path(slug + "_get_tiny_image");
    assertThat(image.path("annotations").path("readOnlyHint").asBoolean()).isTrue();
    assertThat(image.path("annotations").path("destructiveHint").isBoolean()).isTrue();
    assertThat(seen.path("tools").path(slug + "_get_structured_content").path("outputSchema").isObject()).isTrue();

    // several blocks stay apart, the image is the server's to the byte
    JsonNode blocks = seen.path("image").path("content");
    assertThat(blocks.size()).isGreaterThanOrEqualTo(3);
    assertThat(blocks.get(0).path("type").asString()).isEqualTo("text");
    assertThat(blocks.get(1).path("type").asString()).isEqualTo("image");
    assertThat(blocks.get(1).path("mimeType").asString()).isEqualTo("image/png");
    assertThat(Base64.getDecoder().decode(blocks.get(1).path("data").asString())).isEqualTo(tinyImage());

    List<String> types = new ArrayList<>();
    seen.path("links").path("content").forEach(b -> types.add(b.path("type").asString()));
    assertThat(types).contains("resource_link");
    JsonNode link = seen.path("links").path("content").get(types.indexOf("resource_link"));
    assertThat(link.path("uri").asString()).startsWith("demo://");
    assertThat(link.path("name").asString()).isNotBlank();

    JsonNode annotated = seen.path("annotated").path("content");
    assertThat(annotated.get(0).path("annotations").path("priority").isNumber()).as(annotated.toString()).isTrue();
    assertThat(annotated.get(0).path("annotations").path("audience").isArray()).isTrue();
    assertThat(annotated.get(1).path("type").asString()).isEqualTo("image");
    assertThat(annotated.get(1).path("annotations").isObject()).isTrue();

    assertThat(seen.path("structured").path("structuredContent").path("temperature").isNumber())
        .as(seen.path("structured").toString()).isTrue();
    assertThat(seen.path("structured").path("isError").asBoolean()).isFalse();

    // the long-running tool's progress reaches the client, in order
    assertThat(seen.path("long").path("content").get(0).path("text").asString())
        .contains("Long running operation completed");
    List<Double> progress = new ArrayList<>();
    seen.path("progress").forEach(p -> progress.add(p.path("progress").asDouble()));
    assertThat(progress).as(seen.path("progress").toString()).containsExactly(1.0, 2.0, 3.0, 4.0);
    assertThat(seen.path("progress").get(0).path("total").asDouble()).isEqualTo(4.0);
  }

  /** Registers the server as provider {@code slug} and puts all its tools in bundle {@code slug-all}. */
  private static String bundleOf(String slug, String mcpUrl) {
    EverythingServer.register(admin, slug, "Everything " + slug, mcpUrl);
    String token = Cli.userWithToken(server.env(), slug + "@example.com");
    Api user = new Api(server, token);
    Api.Answer credential = user.post("/api/v1/credentials?verify=true",
        Map.of("provider", slug, "authMethod", "NONE", "label", "Everything"));
    assertThat(credential.json().path("verification").asString()).as(credential.body()).isEqualTo("VERIFIED");
    List<String> names = new ArrayList<>();
    user.get("/api/v1/tools?provider=" + slug).json().path("items").forEach(t -> names.add(t.path("name").asString()));
    Api.Answer bundle = user.post("/api/v1/bundles", Map.of("slug", slug + "-all", "name", "Everything", "tools", names));
    assertThat(bundle.status()).as(bundle.body()).isEqualTo(201);
    return token;
  }

  /** The PNG server-everything's get-tiny-image returns, read from its source. */
  private static byte[] tinyImage() throws IOException {
    String source = Files.readString(EverythingServer.PACKAGE.resolve("dist/tools/get-tiny-image.js"));
    Matcher m = Pattern.compile("MCP_TINY_IMAGE = \"([A-Za-z0-9+/=]+)\"").matcher(source);
    assertThat(m.find()).isTrue();
    return Base64.getDecoder().decode(m.group(1));
  }
}
