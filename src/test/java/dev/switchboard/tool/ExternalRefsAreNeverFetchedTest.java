package dev.switchboard.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The import does no I/O: a reference to another document skips the operation and fetches nothing. */
class ExternalRefsAreNeverFetchedTest {
  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;
  private String base;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      byte[] body = "type: string\n".getBytes();
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void openApi30ReferencesToUrlsAndFilesAreSkipped() {
    String document = """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /a:
            get:
              parameters:
                - $ref: '%1$s/params.yaml#/Limit'
          /b:
            post:
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '%1$s/schemas.yaml#/Pet'}
          /c:
            $ref: '%1$s/paths.yaml#/c'
          /d:
            get:
              parameters:
                - {name: q, in: query, schema: {$ref: 'common.yaml#/Query'}}
        """.formatted(base);

    ImportReport report = OpenApiImport.importDocument("p", document);

    assertThat(report.tools()).isEmpty();
    assertThat(report.skipped()).extracting(SkippedOperation::reason).containsOnly(SkipReason.EXTERNAL_REF).hasSize(4);
    assertThat(requests).hasValue(0);
  }

  @Test
  void openApi31ReferencesToUrlsAreSkipped() {
    String document = """
        {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
         "paths": {"/a": {"post": {"requestBody": {"content": {"application/json":
           {"schema": {"type": "object", "properties": {"p": {"$ref": "%s/pet.json"}}}}}}}}}}""".formatted(base);

    ImportReport report = OpenApiImport.importDocument("p", document);

    assertThat(report.skipped()).extracting(SkippedOperation::reason).containsExactly(SkipReason.EXTERNAL_REF);
    assertThat(requests).hasValue(0);
  }

  @Test
  void swagger20ReferencesToUrlsAreSkipped() {
    String document = """
        swagger: '2.0'
        info: {title: t, version: '1'}
        paths:
          /a:
            post:
              parameters:
                - {name: body, in: body, schema: {$ref: '%s/definitions.yaml#/Pet'}}
        """.formatted(base);

    ImportReport report = OpenApiImport.importDocument("p", document);

    assertThat(report.skipped()).extracting(SkippedOperation::reason).containsExactly(SkipReason.EXTERNAL_REF);
    assertThat(requests).hasValue(0);
  }
}
