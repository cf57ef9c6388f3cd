package dev.switchboard.web.pages;

import dev.switchboard.admin.ImportResult;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The message the dashboard shows after an OpenAPI import: how many tools, how many operations were
 * skipped, and the document's warnings. The message travels in the flash cookie, whose limit is in
 * bytes ({@link Flash#MOST_TEXT_BYTES}), so the warnings are quoted up to {@value #MOST_WARNING_BYTES}
 * bytes of UTF-8 and the rest counted; the CLI and the REST import list every one.
 */
final class ImportMessage {
  static final int MOST_WARNING_BYTES = 800;
  private static final int MOST_PER_WARNING = 200;

  private ImportMessage() {}

  static String of(ImportResult result) {
    StringBuilder text = new StringBuilder("Imported " + result.provider().name() + " with "
        + result.tools().size() + " tools");
    text.append(result.skipped().isEmpty() ? "." : "; " + result.skipped().size() + " operations were skipped.");
    List<String> warnings = result.warnings();
    if (warnings.isEmpty()) {
      return text.toString();
    }
    text.append(warnings.size() == 1 ? " The document has 1 warning: " : " The document has " + warnings.size()
        + " warnings: ");
    int budget = MOST_WARNING_BYTES;
    int shown = 0;
    for (String w : warnings) {
      String cut = w.codePointCount(0, w.length()) > MOST_PER_WARNING
          ? w.substring(0, w.offsetByCodePoints(0, MOST_PER_WARNING - 1)) + "…" : w;
      int bytes = cut.getBytes(StandardCharsets.UTF_8).length + 2;
      if (bytes > budget) {
        break;
      }
      text.append(shown == 0 ? "" : "; ").append(cut);
      budget -= bytes;
      shown++;
    }
    if (shown < warnings.size()) {
      text.append("; and ").append(warnings.size() - shown)
          .append(" more (switchboard provider import and the REST import list them all)");
    }
    return text.append('.').toString();
  }
}
