package dev.switchboard.upstream;

import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tools of {@link FakeMcpServer}: {@code echo} answers "Echo: message", {@code fail} reports an
 * error result, {@code refuse} a JSON-RPC error, {@code picture} text and a PNG, {@code weather}
 * structured content, {@code mirror} the message as text, as a structured value and as a structured key,
 * {@code slow} waits the server's {@code slowMillis} first.
 */
final class FakeTools {
  private final FakeMcpServer server;

  FakeTools(FakeMcpServer server) {
    this.server = server;
  }

  void call(JsonNode params, ObjectNode answer) {
    String name = params.path("name").asString("");
    String message = params.path("arguments").path("message").asString("");
    if (name.equals("refuse")) {
      answer.putObject("error").put("code", -32602).put("message", "Unknown tool: refuse");
      return;
    }
    ObjectNode result = answer.putObject("result");
    ArrayNode content = result.putArray("content");
    switch (name) {
      case "fail" -> {
        content.addObject().put("type", "text").put("text", "the widget is broken: " + message);
        result.put("isError", true);
      }
      case "picture" -> {
        content.addObject().put("type", "text").put("text", "Here it is:");
        content.addObject().put("type", "image").put("mimeType", "image/png")
            .put("data", Base64.getEncoder().encodeToString(new byte[1234]));
      }
      case "weather" -> {
        content.addObject().put("type", "text").put("text", "{\"temperature\":21}");
        result.putObject("structuredContent").put("temperature", 21);
      }
      case "mirror" -> {
        content.addObject().put("type", "text").put("text", message);
        result.putObject("structuredContent").put("value", message).put(message, "key");
      }
      case "slow" -> {
        sleep(server.slowMillis);
        content.addObject().put("type", "text").put("text", "finally");
      }
      default -> content.addObject().put("type", "text").put("text", "Echo: " + message);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
