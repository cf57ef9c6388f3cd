package dev.switchboard.tool;

import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;
import java.util.List;

/**
 * The text given to the OpenAPI import is not an API description it can read: not JSON or YAML,
 * not an object, or not OpenAPI 3.0, 3.1 or Swagger 2.0. Code {@code openapi_invalid}; the message
 * carries the parser's first messages (see {@link #problems()}).
 */
public final class OpenApiImportException extends SwitchboardException {
  private static final int MAX_PROBLEMS = 5;
  private static final int MAX_LENGTH = 300;

  private final List<String> problems;

  /** @param parserMessages what the parser said; capped to five messages of 300 characters */
  public OpenApiImportException(List<String> parserMessages) {
    super(ErrorKind.INVALID_REQUEST, "openapi_invalid",
        "not an OpenAPI 3.0, 3.1 or Swagger 2.0 document: " + String.join("; ", cap(parserMessages)));
    this.problems = cap(parserMessages);
  }

  /** The parser's messages, at most five, each at most 300 characters; never empty. */
  public List<String> problems() {
    return problems;
  }

  private static List<String> cap(List<String> messages) {
    List<String> capped = messages.stream().filter(m -> m != null && !m.isBlank()).limit(MAX_PROBLEMS)
        .map(m -> m.replaceAll("\\s+", " ").trim())
        .map(m -> m.length() > MAX_LENGTH ? m.substring(0, MAX_LENGTH) + "…" : m).toList();
    return capped.isEmpty() ? List.of("unrecognised document") : capped;
  }
}
