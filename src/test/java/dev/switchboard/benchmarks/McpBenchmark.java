package dev.switchboard.benchmarks;

import dev.switchboard.account.Principal;
import dev.switchboard.app.Switchboard;
import dev.switchboard.mcp.McpExchange;
import dev.switchboard.mcp.McpServer;
import dev.switchboard.mcp.McpTarget;
import dev.switchboard.mcp.internal.DirectSurface;
import dev.switchboard.mcp.internal.WrittenDefinitions;
import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.TestServer;
import dev.switchboard.tool.SchemaBounds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The MCP server in-process, without HTTP: a real Switchboard on SQLite with an imported
 * 1,000-operation API provider, a verified credential and three bundles. Measures JSON-RPC parse
 * and dispatch with the answer written out ({@code ping}, a {@code tools/call} of a built-in tool with its bundle read and its
 * execution record written), and {@code tools/list}: the 1,000-tool DYNAMIC bundle (its whole view
 * resolved, meta-tools listed), a DIRECT bundle at its 100-tool limit (first page), and the
 * definitions of all 1,000 tools written as one JSON answer. Target: {@code tools/list} of 1,000
 * tools ≤ 1 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class McpBenchmark {
  private static final String VERSION = "2025-11-25";
  private Path dir;
  private LocalHttpServer upstream;
  private TestServer server;
  private McpServer mcp;
  private Principal caller;
  private JsonMapper json;
  private Switchboard app;
  private byte[] ping;
  private byte[] list;
  private byte[] add;
  private DirectSurface kept;
  private WrittenDefinitions written;

  @Setup
  public void start() throws IOException {
    dir = Files.createTempDirectory("switchboard-bench");
    upstream = LocalHttpServer.start().on("/", LocalHttpServer.answer(200, "{\"ok\":true}",
        "Content-Type", "application/json"));
    server = TestServer.sqlite(dir);
    Api admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
    check(admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "bench", "name", "Bench",
        "document", BenchApi.document(1000), "baseUrl", upstream.url(""), "validationTool", "list_items",
        "authMethods", List.of(Map.of("type", "BEARER")))), 201);
    String token = Cli.userWithToken(server.env(), "bench@example.com");
    Api user = new Api(server, token);
    check(user.post("/api/v1/credentials?verify=true", Map.of("provider", "bench", "authMethod", "BEARER",
        "fields", Map.of("token", "bench-token-0123456789"))), 201);
    check(user.post("/api/v1/credentials?verify=true", Map.of("provider", "calculator", "authMethod", "NONE")), 201);
    List<String> all = new ArrayList<>(List.of("bench_list_items", "bench_get_item"));
    for (int i = 2; i < 1000; i++) {
      all.add("bench_get_thing_" + i);
    }
    check(user.post("/api/v1/bundles", Map.of("slug", "thousand", "name", "Thousand", "mode", "DYNAMIC",
        "tools", all)), 201);
    check(user.post("/api/v1/bundles", Map.of("slug", "hundred", "name", "Hundred", "tools",
        all.subList(0, 100))), 201);
    check(user.post("/api/v1/bundles", Map.of("slug", "maths", "name", "Maths", "tools",
        List.of("calculator_add"))), 201);
    app = server.running().app();
    mcp = app.mcp();
    caller = app.accessTokens().authenticate(token).orElseThrow();
    json = JsonMapper.builder().build();
    ping = bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
    list = bytes("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{}}");
    add = bytes("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"calculator_add\","
        + "\"arguments\":{\"a\":2,\"b\":3}}}");
    written = new WrittenDefinitions(json, new SchemaBounds(SchemaBounds.DEFAULT_LIMIT_BYTES));
    kept = new DirectSurface(app.bundles().view(caller.userId(), "thousand"), null, json, caller.userId(), written);
    if (mcp.post(exchange("hundred", list)).status() != 200 || mcp.post(exchange("thousand", list)).status() != 200
        || definitionsOfAll1000Tools().length < 100_000) {
      throw new IllegalStateException("the bench bundles do not answer as expected");
    }
    byte[] written = definitionsOfAll1000ToolsKept();
    System.out.println("1,000 tool definitions: " + written.length + " bytes; the first: "
        + new String(written, 0, Math.min(400, written.length), StandardCharsets.UTF_8));
  }

  @TearDown
  public void stop() throws IOException {
    server.close();
    upstream.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public byte[] parseAndDispatchPing() {
    return answer("maths", ping);
  }

  @Benchmark
  public byte[] parseAndDispatchToolsCall() {
    return answer("maths", add);
  }

  @Benchmark
  public byte[] toolsListDynamic1000() {
    return answer("thousand", list);
  }

  @Benchmark
  public byte[] toolsListDirect100FirstPage() {
    return answer("hundred", list);
  }

  /**
   * What listing 1,000 tools costs when every definition is sent and no surface is kept: the view
   * read, 1,000 tools resolved, their written definitions copied into one JSON text.
   */
  @Benchmark
  public byte[] definitionsOfAll1000Tools() {
    return definitions(written);
  }

  /** The same the first time the tools are listed after a start or an import: each definition written. */
  @Benchmark
  public byte[] definitionsOfAll1000ToolsFirstTime() {
    return definitions(new WrittenDefinitions(json, new SchemaBounds(SchemaBounds.DEFAULT_LIMIT_BYTES)));
  }

  private byte[] definitions(WrittenDefinitions from) {
    var view = app.bundles().view(caller.userId(), "thousand");
    ObjectNode answer = json.createObjectNode();
    new DirectSurface(view, null, json, caller.userId(), from).tools().forEach(answer.putArray("tools")::add);
    return json.writeValueAsBytes(answer);
  }

  /** The reply as the transport sends it: the JSON-RPC answer written out. */
  private byte[] answer(String slug, byte[] body) {
    return json.writeValueAsBytes(mcp.post(exchange(slug, body)).body());
  }

  /** The same answer from a surface already built and kept (what the pages of tools/list cost warm). */
  @Benchmark
  public byte[] definitionsOfAll1000ToolsKept() {
    ObjectNode answer = json.createObjectNode();
    kept.tools().forEach(answer.putArray("tools")::add);
    return json.writeValueAsBytes(answer);
  }

  private McpExchange exchange(String slug, byte[] body) {
    return new McpExchange(caller, new McpTarget.Bundle(slug), body, VERSION, null, null, null);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void check(Api.Answer answer, int status) {
    if (answer.status() != status) {
      throw new IllegalStateException("bench setup: " + answer.status() + " " + answer.body());
    }
  }
}
