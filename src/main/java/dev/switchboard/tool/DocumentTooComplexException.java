package dev.switchboard.tool;

import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;

/**
 * The document given to the OpenAPI import is refused before it is expanded: its YAML aliases
 * would multiply it ("billion laughs"), it nests deeper than the limit, refers to itself, or is
 * longer than the reader accepts. Code {@code document_too_complex}; the message names the limit
 * and never quotes the document. Limits: {@code docs/security/documents.md}.
 */
public final class DocumentTooComplexException extends SwitchboardException {
  public DocumentTooComplexException(String why) {
    super(ErrorKind.INVALID_REQUEST, "document_too_complex", "the document is too complex to import: " + why);
  }
}
