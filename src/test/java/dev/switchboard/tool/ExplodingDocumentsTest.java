package dev.switchboard.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.error.ErrorKind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Documents that would explode when read are refused quickly with {@code document_too_complex}. */
class ExplodingDocumentsTest {
  /** The 484-byte "billion laughs": nine levels of nine aliases, 9^9 strings once expanded. */
  static final String BILLION_LAUGHS = """
      openapi: 3.0.3
      info: {title: lol, version: "1"}
      paths: {}
      a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
      b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
      c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
      d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
      e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
      f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
      g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
      h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
      i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
      """;

  @Test
  void billionLaughsIsRefusedWithinASecondAsTooComplex() {
    Instant start = Instant.now();
    assertThatThrownBy(() -> OpenApiImport.importDocument("p", BILLION_LAUGHS))
        .isInstanceOfSatisfying(DocumentTooComplexException.class, e -> {
          assertThat(e.code()).isEqualTo("document_too_complex");
          assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
          assertThat(e.getMessage()).contains("aliases expand").doesNotContain("lol");
        });
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(1));
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
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(1));
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
}
