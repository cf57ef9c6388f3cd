package dev.switchboard.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
  @Test
  void alignsColumnsShowsNullAndKeepsEachRowOnOneLine() {
    String text = TextTable.render(List.of("id", "note"),
        List.of(Arrays.asList("1", "two\nlines"), Arrays.asList("22", null)));

    assertThat(text).isEqualTo("""
        id | note
        ---+-----------
        1  | two\\nlines
        22 | NULL
        """);
  }

  @Test
  void cutsLongCells() {
    String text = TextTable.render(List.of("v"), List.of(List.of("x".repeat(100))));

    assertThat(text.lines().skip(2).findFirst().orElseThrow())
        .hasSize(TextTable.MAX_WIDTH).endsWith("…");
  }
}
