package dev.switchboard.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.error.ErrorKind;
import org.junit.jupiter.api.Test;

/** Text that is not an API description is refused as a whole with {@code openapi_invalid}. */
class InvalidDocumentTest {

  @Test
  void yamlThatIsNotAnApiDescriptionIsRefusedWithTheParsersMessages() {
    String compose = """
        services:
          web:
            image: nginx
        """;

    assertThatThrownBy(() -> OpenApiImport.importDocument("p", compose))
        .isInstanceOfSatisfying(OpenApiImportException.class, e -> {
          assertThat(e.code()).isEqualTo("openapi_invalid");
          assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
          assertThat(e.problems()).contains("attribute openapi is missing");
        });
  }

  @Test
  void plainTextIsRefused() {
    assertThatThrownBy(() -> OpenApiImport.importDocument("p", "just some words"))
        .isInstanceOf(OpenApiImportException.class).hasMessageContaining("not a JSON or YAML object");
  }

  @Test
  void brokenJsonIsRefused() {
    assertThatThrownBy(() -> OpenApiImport.importDocument("p", "{\"openapi\": \"3.0.3\", \"paths\": {"))
        .isInstanceOf(OpenApiImportException.class).hasMessageStartingWith("not an OpenAPI 3.0, 3.1 or Swagger 2.0");
  }

  @Test
  void unknownVersionsAndEmptyTextAreRefused() {
    assertThatThrownBy(() -> OpenApiImport.importDocument("p", "openapi: 4.0.0\n"))
        .isInstanceOf(OpenApiImportException.class);
    assertThatThrownBy(() -> OpenApiImport.importDocument("p", "  "))
        .isInstanceOf(OpenApiImportException.class).hasMessageContaining("empty");
  }
}
