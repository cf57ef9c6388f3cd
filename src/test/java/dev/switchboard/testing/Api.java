package dev.switchboard.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small client of the REST API for tests: one bearer token, JSON in and out. */
public final class Api {
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  public static final JsonMapper JSON = JsonMapper.builder().build();
  private final TestServer server;
  private final String token;

  public Api(TestServer server, String token) {
    this.server = server;
    this.token = token;
  }

  /** An answer: status, body text and body parsed as JSON (null when not JSON). */
  public record Answer(int status, String body, JsonNode json, HttpResponse<String> raw) {
    public String errorCode() {
      return json == null ? null : json.path("error").path("code").asString(null);
    }
  }

  public Answer get(String path) {
    return send(builder(path).GET());
  }

  public Answer delete(String path) {
    return send(builder(path).DELETE());
  }

  public Answer post(String path, Object body) {
    return send(builder(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(text(body))));
  }

  public Answer patch(String path, Object body) {
    return send(builder(path).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(text(body))));
  }

  /**
   * The provider {@code slug} as the server sees it, once it does: a provider the command line
   * stored beside a running server on SQLite reaches it with the catalog poll (every 2 s). Gives up
   * after 30 s with the last answer.
   */
  public Answer awaitProvider(String slug) {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Answer answer = get("/api/v1/providers/" + slug);
    while (answer.status() == 404 && System.nanoTime() < until) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      answer = get("/api/v1/providers/" + slug);
    }
    return answer;
  }

  /** Sends any request to the server, adding the token when this client has one. */
  public Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      String type = response.headers().firstValue("Content-Type").orElse("");
      if (type.startsWith("application/json") && !response.body().isEmpty()) {
        json = JSON.readTree(response.body());
      }
      return new Answer(response.statusCode(), response.body(), json, response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder builder(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path)))
        .timeout(Duration.ofSeconds(20));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private static String text(Object body) {
    return body instanceof String s ? s : JSON.writeValueAsString(body);
  }
}
