package dev.switchboard.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API every benchmark calls: an OpenAPI document with {@code list_items} (the validation
 * tool), {@code get_item} (the tool the load runs) and as many more GET operations as asked, each
 * with a path parameter and a short description, so that a catalog of 1,000 tools has realistic
 * definitions. {@code main} writes it to a file for the load scripts.
 */
public final class BenchApi {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private BenchApi() {}

  /** An OpenAPI 3.0 document with {@code operations} operations in all (at least 2). */
  public static String document(int operations) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("openapi", "3.0.3");
    doc.putObject("info").put("title", "Bench").put("version", "1");
    doc.putArray("servers").addObject().put("url", "http://127.0.0.1");
    ObjectNode paths = doc.putObject("paths");
    paths.putObject("/items").set("get", operation("list_items", "List the items", false));
    paths.putObject("/items/{id}").set("get", operation("get_item", "Read one item by its id", true));
    for (int i = 2; i < operations; i++) {
      paths.putObject("/things" + i + "/{id}")
          .set("get", operation("get_thing_" + i, "Read one thing of kind " + i + " by its id", true));
    }
    return JSON.writeValueAsString(doc);
  }

  private static ObjectNode operation(String id, String summary, boolean pathParameter) {
    ObjectNode op = JSON.createObjectNode();
    op.put("operationId", id);
    op.put("summary", summary);
    if (pathParameter) {
      ArrayNode parameters = op.putArray("parameters");
      ObjectNode p = parameters.addObject();
      p.put("name", "id").put("in", "path").put("required", true).put("description", "The id");
      p.putObject("schema").put("type", "string");
    }
    op.putObject("responses").putObject("200").put("description", "ok");
    return op;
  }

  /** Writes {@code document(N)} to a file: {@code BenchApi FILE N}. */
  public static void main(String[] args) throws IOException {
    Files.writeString(Path.of(args[0]), document(Integer.parseInt(args[1])), StandardCharsets.UTF_8);
  }
}
