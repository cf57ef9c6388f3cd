package dev.switchboard.tool;

import static dev.switchboard.testing.ExplodingDocuments.BILLION_LAUGHS;
import static dev.switchboard.testing.ExplodingDocuments.HANG_GUARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import dev.switchboard.error.ErrorKind;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Documents that would explode when read are refused quickly with {@code document_too_complex}. */
class ExplodingDocumentsTest {

  @Test
  void billionLaughsIsRefusedAsTooComplexWithoutExpandingIt() {
    Instant start = Instant.now();
    assertThatThrownBy(() -> OpenApiImport.importDocument("p", BILLION_LAUGHS))
        .isInstanceOfSatisfying(DocumentTooComplexException.class, e -> {
          assertThat(e.code()).isEqualTo("document_too_complex");
          assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
          assertThat(e.getMessage()).contains("aliases expand").doesNotContain("lol");
        });
    assertThat(Duration.between(start, Instant.now())).isLessThan(HANG_GUARD);
  }

  @Test
  void aChainOfFewAliasesThatDoublesEachLevelIsRefused() {
    StringBuilder doc = new StringBuilder("openapi: 3.0.3\ninfo: {title: t, version: \"1\"}\npaths: {}\n"
        + "x0: &x0 [\"lol\"]\n");
    for (int i = 1; i <= 40; i++) {
      doc.append("x").append(i).append(": &x").append(i).append(" [*x").append(i - 1).append(", *x")
          .append(i - 1).append("]\n");
    }
    Instant start = Instant.now();
    assertThatThrownBy(() -> OpenApiImport.importDocument("p", doc.toString()))
        .isInstanceOf(DocumentTooComplexException.class);
    assertThat(Duration.between(start, Instant.now())).isLessThan(HANG_GUARD);
  }

  /**
   * SnakeYAML does not count aliases to scalars, and a node count misses that one alias can stand
   * for a 100 KB string: 2,000 of them are 200 million characters once expanded.
   */
  @ParameterizedTest
  @ValueSource(strings = {"openapi: 3.0.3", "swagger: \"2.0\""})
  void aliasesToALongScalarAreRefusedWithoutExpandingThem(String header) {
    String doc = scalarAliasBomb(header, 100_000, 2_000);
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
    Instant start = Instant.now();
    assertThatThrownBy(() -> OpenApiImport.importDocument("p", doc))
        .isInstanceOfSatisfying(DocumentTooComplexException.class, e -> {
          assertThat(e.code()).isEqualTo("document_too_complex");
          assertThat(e.getMessage()).contains("characters").doesNotContain("xxxx");
        });
    assertThat(Duration.between(start, Instant.now())).isLessThan(HANG_GUARD);
    // the expansion would be 200 million characters; reading the 108 KB text takes a few MB
    assertThat(threads.getCurrentThreadAllocatedBytes() - allocatedBefore).isLessThan(64L * 1024 * 1024);
  }

  @Test
  void aFewAliasesToALongScalarStillImport() {
    ImportReport report = OpenApiImport.importDocument("p", scalarAliasBomb("openapi: 3.0.3", 100_000, 20));
    assertThat(report.tools()).isEmpty();
  }

  @Test
  void aJsonStringLongerThanTheReadersCeilingIsRefusedAsTooLong() {
    String json = "{\"openapi\": \"3.0.3\", \"x\": \"" + "x".repeat(OpenApiImport.MAX_CHARACTERS) + "\"}";
    assertThatThrownBy(() -> OpenApiImport.importDocument("p", json))
        .isInstanceOf(DocumentTooComplexException.class).hasMessageContaining("longer than")
        .hasMessageNotContaining("xxxx");
  }

  @Test
  void aJsonStringJustUnderTheDocumentLimitIsNotMistakenForDeepNesting() {
    String json = "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {}, "
        + "\"x-long\": \"" + "x".repeat(20_500_000) + "\"}";
    assertThat(OpenApiImport.importDocument("p", json).tools()).isEmpty();
  }

  @Test
  void tooManyAliasesAreRefused() {
    StringBuilder doc = new StringBuilder("openapi: 3.0.3\ninfo: {title: t, version: \"1\"}\npaths: {}\n"
        + "a: &a [1]\nb: [");
    for (int i = 0; i < 300; i++) {
      doc.append(i == 0 ? "" : ",").append("*a");
    }
    doc.append("]\n");
    assertThatThrownBy(() -> OpenApiImport.importDocument("p", doc.toString()))
        .isInstanceOf(DocumentTooComplexException.class).hasMessageContaining("more than 200 aliases");
  }

  @Test
  void anAliasInsideItselfIsRefused() {
    String doc = "openapi: 3.0.3\ninfo: {title: t, version: \"1\"}\npaths: {}\nloop: &loop [1, *loop]\n";
    assertThatThrownBy(() -> OpenApiImport.importDocument("p", doc))
        .isInstanceOf(DocumentTooComplexException.class).hasMessageContaining("contains it");
  }

  @Test
  void deeplyNestedJsonAndYamlAreRefused() {
    String json = "{\"openapi\": \"3.0.3\", \"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
    assertThatThrownBy(() -> OpenApiImport.importDocument("p", json))
        .isInstanceOf(DocumentTooComplexException.class).hasMessageContaining("deeper than 128");
    String yaml = "openapi: 3.0.3\nx: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    assertThatThrownBy(() -> OpenApiImport.importDocument("p", yaml))
        .isInstanceOf(DocumentTooComplexException.class).hasMessageContaining("deeper than 128");
  }

  @Test
  void aDocumentThatSharesASchemaByAnAliasStillImports() {
    String doc = """
        openapi: 3.0.3
        info: {title: Shared, version: "1"}
        servers: [{url: "https://api.example"}]
        paths:
          /a:
            get:
              operationId: getA
              parameters: &common
                - {name: q, in: query, schema: {type: string}}
              responses: {"200": {description: ok}}
          /b:
            get:
              operationId: getB
              parameters: *common
              responses: {"200": {description: ok}}
        """;
    ImportReport report = OpenApiImport.importDocument("p", doc);
    assertThat(report.tools()).hasSize(2);
    assertThat(report.tools()).allSatisfy(t -> assertThat(t.inputSchema().path("properties").has("q")).isTrue());
  }

  /** One {@code scalarLength}-character scalar, anchored, and {@code aliases} aliases to it. */
  private static String scalarAliasBomb(String header, int scalarLength, int aliases) {
    StringBuilder doc = new StringBuilder(header).append("\ninfo: {title: t, version: \"1\"}\npaths: {}\n")
        .append("x-s: &s ").append("x".repeat(scalarLength)).append("\nx-b: [");
    for (int i = 0; i < aliases; i++) {
      doc.append(i == 0 ? "" : ",").append("*s");
    }
    return doc.append("]\n").toString();
  }
}
