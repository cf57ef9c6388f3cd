package dev.switchboard.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Imported tools are stored as JSON and read back equal, so a stored document is never parsed again. */
class StoredToolsTest {

  @Test
  void importedToolsReadBackEqualToWhatTheImportMade() {
    for (String name : new String[] {"tracker-30.yaml", "notes-31.json", "shop-20.yaml", "naming-31.json"}) {
      ImportReport report = TestDocuments.importResource("p", name);
      assertThat(report.tools()).isNotEmpty();
      assertThat(StoredTools.read(StoredTools.write(report.tools()))).contains(report.tools());
    }
  }

  @Test
  void anotherFormatOrBrokenTextReadsAsEmpty() {
    assertThat(StoredTools.read("{\"format\": 999, \"tools\": []}")).isEmpty();
    assertThat(StoredTools.read("not json")).isEmpty();
    assertThat(StoredTools.read("{\"format\": " + StoredTools.FORMAT + ", \"tools\": []}")).contains(List.of());
    // format 1 recipes had no parameter styles or body encodings: they are imported again
    assertThat(StoredTools.read("{\"format\": 1, \"tools\": []}")).isEmpty();
  }

  @Test
  void theStartOfAStoredTextTellsWhetherItIsOfTheCurrentFormat() {
    String written = StoredTools.write(TestDocuments.importResource("p", "tracker-30.yaml").tools());
    assertThat(StoredTools.isCurrent(written.substring(0, StoredTools.HEAD_LENGTH))).isTrue();
    assertThat(StoredTools.isCurrent("{\"format\":1,\"tools\":[]}")).isFalse();
    assertThat(StoredTools.isCurrent(null)).isFalse();
  }
}
