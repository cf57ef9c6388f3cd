package dev.switchboard.upstream;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A stand-in for a real API on 127.0.0.1 that checks every request it receives (method, path,
 * query, headers, body, security) with Atlassian's {@code swagger-request-validator-core}, reading
 * the provider's published description: a request the validator accepts is answered {@code 200}
 * with an empty JSON object, one it rejects {@code 400} with the validator's messages; both are
 * recorded. The validator, not this class, decides acceptance.
 */
final class ValidatingStandIn implements AutoCloseable {
  private static final String ACCEPTED = "{}";

  /** One request received: what was sent and what the validator said of it (empty when accepted). */
  record Exchange(String method, String pathAndQuery, String contentType, String body, List<String> errors) {
    boolean accepted() {
      return errors.isEmpty();
    }
  }

  private final OpenApiInteractionValidator validator;
  private final HttpServer server;
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

  private ValidatingStandIn(Path description, String basePath) throws IOException {
    this.validator = OpenApiInteractionValidator.createForSpecificationUrl(description.toAbsolutePath().toUri().toString())
        .withBasePathOverride(basePath.isEmpty() ? "/" : basePath)
        .withParseOptions(referencesKept())
        .build();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  /**
   * Reads {@code description} (the whole published document: a few seconds for the largest) and
   * listens; requests are expected under {@code basePath}, the path of the document's server URL.
   */
  static ValidatingStandIn start(Path description, String basePath) {
    try {
      return new ValidatingStandIn(description, basePath);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the stand-in for " + description, e);
    }
  }

  /**
   * References resolved but not inlined: the validator then checks against the components as
   * {@code $ref}s. Fully inlined, Stripe's circular components take the validator minutes to read
   * and to compile on its first request; this way a few seconds.
   */
  private static ParseOptions referencesKept() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(false);
    return options;
  }

  /** {@code http://127.0.0.1:port} + {@code path}. */
  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String rawQuery = exchange.getRequestURI().getRawQuery();
      String path = exchange.getRequestURI().getPath();
      SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.getRequestMethod(), path);
      queryParameters(rawQuery).forEach(request::withQueryParam);
      exchange.getRequestHeaders().forEach(request::withHeader);
      if (body.length > 0) {
        request.withBody(body);
      }
      List<String> errors;
      try {
        ValidationReport report = validator.validateRequest(request.build());
        errors = report.getMessages().stream()
            .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
            .map(m -> m.getKey() + ": " + m.getMessage())
            .collect(Collectors.toList());
      } catch (RuntimeException e) {
        errors = List.of("validator failed: " + e);
      }
      exchanges.add(new Exchange(exchange.getRequestMethod(),
          exchange.getRequestURI().getRawPath() + (rawQuery == null ? "" : "?" + rawQuery),
          exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8), errors));
      byte[] answer = (errors.isEmpty() ? ACCEPTED : String.join("\n", errors)).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", errors.isEmpty() ? "application/json" : "text/plain");
      exchange.sendResponseHeaders(errors.isEmpty() ? 200 : 400, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    }
  }

  /** The query's parameters, names and values percent-decoded as a servlet container gives them. */
  private static Map<String, List<String>> queryParameters(String rawQuery) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return parameters;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
